import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { LlmError } from './llm.types';

const GGUF_MAGIC = 'GGUF';

/**
 * Resolves the path and checks, before the native loader sees it, that the file exists
 * and starts with the GGUF magic: llama.cpp's own errors for both cases are cryptic.
 */
export async function assertGgufFile(modelPath: string): Promise<string> {
  const absolute = resolve(modelPath);
  let magic: string;
  try {
    const handle = await open(absolute, 'r');
    try {
      const buffer = Buffer.alloc(4);
      const { bytesRead } = await handle.read(buffer, 0, 4, 0);
      magic = buffer.subarray(0, bytesRead).toString('latin1');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new LlmError(
      'model_missing',
      `model file not found: ${absolute}. Run \`npm run download-model\`, or set MODEL_PATH to an existing .gguf file.`,
      { cause: error },
    );
  }
  if (magic !== GGUF_MAGIC) {
    throw new LlmError('model_invalid', `not a GGUF model file (bad magic bytes): ${absolute}`);
  }
  return absolute;
}

/**
 * A GGUF that ships a chat template was (almost always) instruction/chat tuned;
 * base and demo models like stories260K carry none.
 */
export async function isChatTunedGguf(absolutePath: string): Promise<boolean> {
  try {
    const info = await readGgufFileInfo(absolutePath, { readTensorInfo: false, logWarnings: false });
    const template = info.metadata.tokenizer?.chat_template;
    return typeof template === 'string' && template.length > 0;
  } catch {
    // Metadata we cannot read says nothing about tuning; loading will report real problems.
    return false;
  }
}
