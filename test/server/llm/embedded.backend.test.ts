import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend, finishReasonOf } from '../../../server/llm/embedded.backend';
import { LlmError } from '../../../server/llm/llm.types';
import type { GenerateRequest, GenerationFinish, LlmBackend } from '../../../server/llm/llm.types';
import { TEST_MODEL_PATH } from '../../helpers/test-model';

function request(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    system: '',
    messages: [{ role: 'user', content: 'Tell me a story about a cat.' }],
    decoding: { temperature: 0.8, topP: 0.95, maxTokens: 60 },
    seed: 7,
    ...overrides,
  };
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function expectLlmError(promise: Promise<unknown>, code: string, pathPart: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  expect(error).toMatchObject({ code });
  expect((error as LlmError).message).toContain(pathPart);
}

describe('embedded backend on the test model', () => {
  let backend: LlmBackend;

  beforeAll(async () => {
    backend = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 2, contextSize: 2048 });
  });
  afterAll(async () => {
    await backend.close();
  });

  it('refuses a request for another model (an imported Ollama policy) with model_missing', async () => {
    await expectLlmError(collect(backend.generate(request({ model: 'my-lora:7b' }))), 'model_missing', 'my-lora:7b');
    expect((await collect(backend.generate(request({ model: backend.info.model, decoding: { temperature: 0, topP: 1, maxTokens: 4 } })))).length).toBeGreaterThan(0);
  });

  it('describes itself as a non-chat-tuned embedded model', () => {
    expect(backend.info).toMatchObject({ kind: 'embedded', model: 'stories260K.gguf', chatTuned: false });
    expect(backend.info.detail).toMatch(/context 512 tokens/);
  });

  it('streams real tokens in several chunks', async () => {
    const chunks = await collect(backend.generate(request()));
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('').trim().length).toBeGreaterThan(10);
  });

  it('is reproducible with a fixed seed and differs with another seed', async () => {
    const a = (await collect(backend.generate(request({ seed: 1 })))).join('');
    const b = (await collect(backend.generate(request({ seed: 1 })))).join('');
    const c = (await collect(backend.generate(request({ seed: 2 })))).join('');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('stops soon after an abort, and the next request still works', async () => {
    const controller = new AbortController();
    const chunks: string[] = [];
    const started = performance.now();
    for await (const chunk of backend.generate(request({ signal: controller.signal, decoding: { temperature: 0.8, topP: 0.95, maxTokens: 400 } }))) {
      chunks.push(chunk);
      controller.abort();
    }
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.length).toBeLessThan(10);
    expect(performance.now() - started).toBeLessThan(5_000);
    const next = await collect(backend.generate(request()));
    expect(next.join('').length).toBeGreaterThan(0);
  });

  it('returns the sequence when the consumer breaks out early', async () => {
    // Three early exits on a pool of two: a leaked sequence would hang the third.
    for (let i = 0; i < 3; i++) {
      for await (const _chunk of backend.generate(request())) break;
    }
    const chunks = await collect(backend.generate(request()));
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('throws a typed error for a bad request and still frees its sequence', async () => {
    const bad = request({ messages: [{ role: 'assistant', content: 'no user turn' }] });
    for (let i = 0; i < 3; i++) {
      const error: unknown = await collect(backend.generate(bad)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'LlmError', code: 'upstream' });
    }
    expect((await collect(backend.generate(request()))).length).toBeGreaterThan(0);
  });

  it('ends at once without output when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(backend.generate(request({ signal: controller.signal })))).toEqual([]);
  });

  it('serves more concurrent requests than sequences from one model load', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => collect(backend.generate(request({ seed: i })))));
    for (const chunks of results) expect(chunks.join('').length).toBeGreaterThan(0);
  });

  it('runs `parallel` generations at the same time on the one loaded model', async () => {
    const first = backend.generate(request())[Symbol.asyncIterator]();
    const second = backend.generate(request())[Symbol.asyncIterator]();
    // Neither stream is finished here, so a pool of one would leave the second waiting forever.
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
    const both = await Promise.race([Promise.all([first.next(), second.next()]), timeout]);
    expect(both).not.toBe('timeout');
    await first.return?.();
    await second.return?.();
  });

  it('reports finish reason length when the answer hits maxTokens', async () => {
    const finishes: GenerationFinish[] = [];
    const chunks = await collect(backend.generate(request({ decoding: { temperature: 0.8, topP: 0.95, maxTokens: 4 }, onFinish: (f) => finishes.push(f) })));
    expect(chunks.length).toBeGreaterThan(0);
    expect(finishes).toEqual([{ reason: 'length' }]);
  });

  it('does not call onFinish for an aborted generation', async () => {
    const controller = new AbortController();
    const finishes: GenerationFinish[] = [];
    const onFinish = (f: GenerationFinish): void => {
      finishes.push(f);
    };
    for await (const chunk of backend.generate(request({ signal: controller.signal, onFinish, decoding: { temperature: 0.8, topP: 0.95, maxTokens: 400 } }))) {
      expect(chunk).not.toBe('');
      controller.abort();
    }
    expect(finishes).toEqual([]);
  });

  it('drops old history instead of failing when the conversation exceeds the context', async () => {
    const long = 'Once upon a time there was a big dog who liked to run in the park. '.repeat(20);
    const messages: GenerateRequest['messages'] = [];
    for (let i = 0; i < 6; i++) messages.push({ role: 'user', content: long }, { role: 'assistant', content: long });
    messages.push({ role: 'user', content: 'What happened next?' });
    const chunks = await collect(backend.generate(request({ messages, system: 'You tell stories.' })));
    expect(chunks.join('').length).toBeGreaterThan(0);
  });
  it('close() ends running streams quietly and rejects waiting ones', async () => {
    const own = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 1, contextSize: 512 });
    const running = own.generate(request({ decoding: { temperature: 0.8, topP: 0.95, maxTokens: 500 } }))[Symbol.asyncIterator]();
    expect((await running.next()).done).toBe(false);
    const waiting = collect(own.generate(request())).then(
      () => null,
      (e: unknown) => e,
    );
    await own.close();
    const rest: string[] = [];
    for (let step = await running.next(); !step.done; step = await running.next()) rest.push(step.value);
    expect(rest.length).toBeLessThan(10);
    expect(await waiting).toMatchObject({ name: 'LlmError' });
  });
});

describe('embedded backend finish reasons', () => {
  it("maps node-llama-cpp's stop reasons: maxTokens is a cut, abort is no finish, the rest end naturally", () => {
    expect(finishReasonOf('maxTokens')).toBe('length');
    expect(finishReasonOf('abort')).toBeUndefined();
    expect(finishReasonOf('eogToken')).toBe('stop');
    expect(finishReasonOf('stopGenerationTrigger')).toBe('stop');
  });
});

describe('embedded backend errors', () => {
  it('reports a missing model file with its absolute path and the fix', async () => {
    const missing = join(tmpdir(), 'palm-no-such-dir', 'nothing.gguf');
    await expectLlmError(createEmbeddedBackend({ modelPath: missing, threads: 1 }), 'model_missing', resolve(missing));
    await expectLlmError(createEmbeddedBackend({ modelPath: missing, threads: 1 }), 'model_missing', 'download-model');
  });

  it('rejects a file that is not GGUF before loading it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'palm-llm-')), 'fake.gguf');
    writeFileSync(path, 'this is plain text, not a model\n');
    await expectLlmError(createEmbeddedBackend({ modelPath: path, threads: 1 }), 'model_invalid', path);
  });
});
