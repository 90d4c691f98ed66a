import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../../server/llm/llm.types';
import { parseNdjson } from '../../../../server/llm/ollama/ndjson-lines';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function all(source: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of source) out.push(item);
  return out;
}

describe('parseNdjson', () => {
  it('yields several objects from one chunk', async () => {
    expect(await all(parseNdjson(chunks(bytes('{"a":1}\n{"a":2}\n\n{"a":3}\n'))))).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
  });

  it('joins an object split across chunks, also inside a multi-byte character', async () => {
    const whole = bytes('{"t":"café ☕"}\n{"t":"x"}\n');
    const cut = whole.indexOf(0xe2) + 1; // inside the three bytes of ☕
    expect(await all(parseNdjson(chunks(whole.slice(0, 3), whole.slice(3, cut), whole.slice(cut))))).toEqual([{ t: 'café ☕' }, { t: 'x' }]);
  });

  it('accepts a last line without its newline', async () => {
    expect(await all(parseNdjson(chunks(bytes('{"a":1}\n{"a"'), bytes(':2}'))))).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('raises a typed error on a malformed line instead of skipping it', async () => {
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const item of parseNdjson(chunks(bytes('{"a":1}\nnot json\n{"a":3}\n')))) seen.push(item);
    })().catch((e: unknown) => e);
    expect(seen).toEqual([{ a: 1 }]);
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'upstream', message: expect.stringContaining('not json') });
  });
});
