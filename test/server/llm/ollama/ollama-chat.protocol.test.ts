import { describe, expect, it } from 'vitest';
import { LlmError, type GenerateRequest, type GenerationStats } from '../../../../server/llm/llm.types';
import { createOllamaBackend, type OllamaBackendOptions } from '../../../../server/llm/ollama.backend';
import type { FakeOllama, FakeOllamaOptions } from '../../../fakes/fake-ollama';
import { fakeOllamaPerTest } from '../../../fakes/fake-ollama-per-test';
import { unusedPort } from '../../../fakes/unused-port';

const request: GenerateRequest = { system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }], decoding: { temperature: 0.2, topP: 0.9, maxTokens: 32 } };
const PIECES = ['Once', ' upon', ' a', ' time', ' — fin ☕'];

async function run(stream: AsyncIterable<string>): Promise<{ chunks: string[]; error: unknown }> {
  const chunks: string[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, error: null };
  } catch (error) {
    return { chunks, error };
  }
}

describe('ollama chat streaming over the wire protocol', () => {
  const startFake = fakeOllamaPerTest();
  let fake: FakeOllama | undefined;

  async function backend(fakeOptions: FakeOllamaOptions, options: Partial<OllamaBackendOptions> = {}) {
    fake = await startFake({ models: ['m:1'], reply: PIECES, ...fakeOptions });
    return createOllamaBackend({ host: fake.host, model: 'm:1', retries: 0, ...options });
  }

  it('reads several objects packed into one chunk and reports the final line timings', async () => {
    const llm = await backend({ script: () => ({ framing: 'packed' }) });
    const stats: GenerationStats[] = [];
    const { chunks, error } = await run(llm.generate({ ...request, onStats: (s) => stats.push(s) }));
    expect(error).toBeNull();
    expect(chunks).toEqual(PIECES);
    expect(stats).toHaveLength(1);
    expect(stats[0]).toMatchObject({ evalTokens: PIECES.length, promptTokens: 12, loadDurationMs: 1 });
    expect(stats[0]?.evalDurationMs).toBeGreaterThan(0);
    expect(stats[0]?.totalDurationMs).toBeGreaterThan(stats[0]?.evalDurationMs ?? Infinity);
  });

  it('joins objects split across chunks', async () => {
    const llm = await backend({ script: () => ({ framing: 'split', delayMs: 2 }) });
    expect(await run(llm.generate(request))).toEqual({ chunks: PIECES, error: null });
  });

  it('sends keep_alive, num_ctx, the decoding options and a per-request model', async () => {
    fake = await startFake({ models: ['m:1', 'palm-v1-p_x'], reply: ['ok'] });
    const llm = createOllamaBackend({ host: fake.host, model: 'm:1', keepAlive: '1h', numCtx: 4096 });
    await run(llm.generate({ ...request, seed: 3, model: 'palm-v1-p_x' }));
    expect(fake.chatRequests[0]).toMatchObject({
      model: 'palm-v1-p_x',
      stream: true,
      keep_alive: '1h',
      options: { temperature: 0.2, top_p: 0.9, num_predict: 32, seed: 3, num_ctx: 4096 },
    });
  });

  it('aborts before the first chunk: the fake sees the connection closed before it answered', async () => {
    const llm = await backend({ script: () => ({ firstByteDelayMs: 300 }) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    expect(await run(llm.generate({ ...request, signal: controller.signal }))).toEqual({ chunks: [], error: null });
    expect(Date.now() - started).toBeLessThan(250);
    await expect.poll(() => fake?.closedBeforeAnswer()).toBe(1);
  });

  it('aborts mid-stream: the iterator ends quietly and the fake sees the close', async () => {
    const llm = await backend({ reply: Array.from({ length: 100 }, (_, i) => `t${i} `), delayMs: 10 });
    const controller = new AbortController();
    const chunks: string[] = [];
    for await (const chunk of llm.generate({ ...request, signal: controller.signal })) {
      chunks.push(chunk);
      if (chunks.length === 3) controller.abort();
    }
    expect(chunks.length).toBeLessThan(6);
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
    expect(fake?.closedBeforeAnswer()).toBe(0);
  });

  it('a consumer that breaks out early also closes the upstream request', async () => {
    const llm = await backend({ reply: Array.from({ length: 100 }, (_, i) => `t${i} `), delayMs: 10 });
    for await (const chunk of llm.generate(request)) if (chunk) break;
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
  });

  it('maps 404 to model_missing with the pull command', async () => {
    const llm = await backend({});
    const { error } = await run(llm.generate({ ...request, model: 'absent:7b' }));
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'model_missing', message: 'model absent:7b not found: run `ollama pull absent:7b`' });
  });

  it('an HTTP 500 becomes an upstream error carrying the status and Ollama’s message', async () => {
    const llm = await backend({ script: () => ({ httpError: { status: 500, message: 'llama runner process has terminated' } }) });
    const { error } = await run(llm.generate(request));
    expect(error).toMatchObject({ code: 'upstream', message: 'Ollama error 500: llama runner process has terminated' });
  });

  it('an error line mid-stream fails after the pieces already received, without a retry', async () => {
    const llm = await backend({ script: () => ({ errorAfter: { pieces: 2, message: 'CUDA error: out of memory' } }) }, { retries: 3 });
    const { chunks, error } = await run(llm.generate(request));
    expect(chunks).toEqual(PIECES.slice(0, 2));
    expect(error).toMatchObject({ code: 'upstream', message: expect.stringContaining('CUDA error: out of memory') });
    expect(fake?.chatRequests).toHaveLength(1);
  });

  it('a connection dropped mid-stream is an upstream error, not "unreachable", and is not retried', async () => {
    const llm = await backend({ script: () => ({ dropAfter: 2, delayMs: 5 }) }, { retries: 3, retryBaseMs: 1 });
    const { chunks, error } = await run(llm.generate(request));
    expect(chunks).toEqual(PIECES.slice(0, 2));
    expect(error).toMatchObject({ code: 'upstream' });
    expect(fake?.chatRequests).toHaveLength(1);
  });

  it('a malformed line raises a typed error, it is never dropped', async () => {
    const llm = await backend({ script: () => ({ malformedAfter: 1 }) });
    const { chunks, error } = await run(llm.generate(request));
    expect(chunks).toEqual(PIECES.slice(0, 1));
    expect(error).toMatchObject({ name: 'LlmError', code: 'upstream', message: expect.stringContaining('malformed') });
  });

  it('a slow stream hits the idle timeout', async () => {
    const llm = await backend({ script: () => ({ delayMs: 200 }) }, { idleTimeoutMs: 60 });
    const { chunks, error } = await run(llm.generate(request));
    expect(chunks).toEqual(PIECES.slice(0, 1));
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringContaining('stopped sending for 60 ms') });
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
  });

  it('a server that does not start answering hits the first-byte timeout', async () => {
    const llm = await backend({ script: () => ({ firstByteDelayMs: 300 }) }, { firstByteTimeoutMs: 50 });
    const { error } = await run(llm.generate(request));
    expect(error).toMatchObject({ code: 'timeout', message: expect.stringContaining('within 50 ms') });
  });

  it('never has more requests in flight than its parallelism', async () => {
    const llm = await backend({ delayMs: 15 }, { parallel: 1 });
    const first = llm.generate(request)[Symbol.asyncIterator]();
    await first.next();
    const second = run(llm.generate(request));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(fake?.chatRequests).toHaveLength(1);
    while (!(await first.next()).done);
    expect((await second).chunks).toEqual(PIECES);
    expect(fake?.chatRequests).toHaveLength(2);
  });

  it('close() stops running generations', async () => {
    const llm = await backend({ reply: Array.from({ length: 100 }, (_, i) => `t${i} `), delayMs: 10 });
    const it1 = llm.generate(request)[Symbol.asyncIterator]();
    await it1.next();
    await llm.close();
    const rest = [];
    for (let r = await it1.next(); !r.done; r = await it1.next()) rest.push(r.value);
    expect(rest.length).toBeLessThan(5);
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
  });
});

describe('ollama chat retries', () => {
  const startFake = fakeOllamaPerTest();
  let late: FakeOllama | undefined;

  it('retries a refused connection with backoff and succeeds once the server is up', async () => {
    const port = await unusedPort();
    const llm = createOllamaBackend({ host: `http://127.0.0.1:${port}`, model: 'm:1', retries: 4, retryBaseMs: 40 });
    const started = Date.now();
    setTimeout(() => {
      void startFake({ models: ['m:1'], reply: ['up'], port }).then((f) => (late = f));
    }, 60);
    expect(await run(llm.generate(request))).toEqual({ chunks: ['up'], error: null });
    // 40 + 80 ms of backoff at least before the third attempt could reach the server.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(late?.chatRequests).toHaveLength(1);
  });

  it('gives up after the configured retries with "not reachable"', async () => {
    const host = `http://127.0.0.1:${await unusedPort()}`;
    const { error } = await run(createOllamaBackend({ host, model: 'm:1', retries: 2, retryBaseMs: 5 }).generate(request));
    expect(error).toMatchObject({ code: 'unreachable', message: `Ollama is not reachable at ${host}` });
  });
});
