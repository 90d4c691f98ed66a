import { Ollama } from 'ollama';
import type { Message } from 'ollama';
import { LlmError } from './llm.types';
import type { GenerateRequest, LlmBackend } from './llm.types';

export interface OllamaBackendOptions {
  host: string;
  model: string;
}

/**
 * Streams chat answers from an Ollama server through the official client.
 * Kept small on purpose: retries, keep-alive tuning and model materialization come later.
 */
export function createOllamaBackend(options: OllamaBackendOptions): LlmBackend {
  const host = options.host.replace(/\/+$/, '');
  const client = new Ollama({ host });
  return {
    // Ollama serves tags of chat models in practice; the template is not inspected here.
    info: { kind: 'ollama', model: options.model, chatTuned: true, detail: `Ollama at ${host}` },
    generate: (request) => streamChat(client, host, options.model, request),
    close: async () => {
      client.abort();
    },
  };
}

function toMessages(request: GenerateRequest): Message[] {
  const history = request.messages.map((turn) => ({ role: turn.role, content: turn.content }));
  return request.system === '' ? history : [{ role: 'system', content: request.system }, ...history];
}

async function* streamChat(client: Ollama, host: string, model: string, request: GenerateRequest): AsyncGenerator<string> {
  const { signal, decoding } = request;
  if (signal?.aborted) return;
  let stream;
  try {
    stream = await client.chat({
      model,
      messages: toMessages(request),
      stream: true,
      options: { temperature: decoding.temperature, top_p: decoding.topP, num_predict: decoding.maxTokens, seed: request.seed },
    });
  } catch (error) {
    throw toLlmError(error, host, model);
  }
  const abort = (): void => stream.abort();
  signal?.addEventListener('abort', abort, { once: true });
  // The signal may have fired while the request was being sent.
  if (signal?.aborted) abort();
  try {
    for await (const part of stream) {
      if (part.message.content !== '') yield part.message.content;
    }
  } catch (error) {
    if (signal?.aborted) return;
    throw toLlmError(error, host, model);
  } finally {
    signal?.removeEventListener('abort', abort);
    // A consumer that stops early must not leave the upstream generation running.
    stream.abort();
  }
}

/** Maps client and network failures to the typed errors callers show to users. */
export function toLlmError(error: unknown, host: string, model: string): LlmError {
  if (error instanceof LlmError) return error;
  const status = typeof error === 'object' && error !== null && 'status_code' in error ? error.status_code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 404 || /model .*not found/i.test(message)) {
    return new LlmError('model_missing', `model ${model} not found: run \`ollama pull ${model}\``, { cause: error });
  }
  if (status === undefined && error instanceof TypeError) {
    // fetch() rejects with a TypeError when nothing listens or the connection drops.
    return new LlmError('unreachable', `Ollama is not reachable at ${host}`, { cause: error });
  }
  return new LlmError('upstream', `Ollama error: ${message}`, { cause: error });
}

/** Start-up probe: true when an Ollama server answers /api/version within the timeout. */
export async function isOllamaReachable(host: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(`${host.replace(/\/+$/, '')}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether the server has pulled `model`; a tag without `:` means `:latest`, as in Ollama. */
export async function hasOllamaModel(host: string, model: string): Promise<boolean> {
  const withTag = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
  try {
    const { models } = await new Ollama({ host }).list();
    return models.some((entry) => withTag(entry.name) === withTag(model));
  } catch (error) {
    throw toLlmError(error, host, model);
  }
}
