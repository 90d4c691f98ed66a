import { LlmError } from '../llm.types';

/**
 * Parses a newline-delimited JSON byte stream into objects. HTTP chunks do not respect line
 * boundaries: one chunk may hold several objects and one object may span chunks, so bytes are
 * buffered until a newline. A line that is not JSON is a protocol failure and raises an
 * LlmError instead of being skipped: a dropped line would silently lose answer text.
 */
export async function* parseNdjson(body: AsyncIterable<Uint8Array>): AsyncGenerator<unknown> {
  // One decoder in streaming mode, so a multi-byte character split across chunks survives.
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') yield parseLine(line);
      newline = buffered.indexOf('\n');
    }
  }
  buffered += decoder.decode();
  // Ollama ends every object with a newline, but a last line without one is still complete JSON.
  if (buffered.trim() !== '') yield parseLine(buffered);
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    const shown = line.length > 120 ? `${line.slice(0, 120)}…` : line;
    throw new LlmError('upstream', `Ollama sent a malformed stream line: ${JSON.stringify(shown)}`, { cause: error });
  }
}
