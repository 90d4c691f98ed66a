import { afterEach, describe, expect, it } from 'vitest';
import { LlmError } from '../../../server/llm/llm.types';
import type { GenerateRequest, GenerationFinish } from '../../../server/llm/llm.types';
import { createOllamaBackend, isOllamaReachable } from '../../../server/llm/ollama.backend';
import { startFakeOllama } from '../../fakes/fake-ollama';
import type { FakeOllama } from '../../fakes/fake-ollama';
import { unusedPort } from '../../fakes/unused-port';

const request: GenerateRequest = {
  system: 'Be brief.',
  messages: [{ role: 'user', content: 'Hi' }],
  decoding: { temperature: 0.3, topP: 0.9, maxTokens: 32 },
  seed: 5,
};

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const chunks: string[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe('ollama backend against a wire-protocol fake', () => {
  let fake: FakeOllama | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('streams the pieces and sends the decoding options and system prompt', async () => {
    fake = await startFakeOllama({ models: ['m:1'], reply: ['Once', ' upon', ' a time'] });
    const backend = createOllamaBackend({ host: fake.host, model: 'm:1' });
    expect(await collect(backend.generate(request))).toEqual(['Once', ' upon', ' a time']);
    expect(fake.chatRequests[0]).toMatchObject({
      model: 'm:1',
      stream: true,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      options: { temperature: 0.3, top_p: 0.9, num_predict: 32, seed: 5 },
    });
    expect(backend.info).toMatchObject({ kind: 'ollama', model: 'm:1' });
  });

  it('maps a missing model to model_missing with the pull command', async () => {
    fake = await startFakeOllama({ models: ['other'] });
    const backend = createOllamaBackend({ host: fake.host, model: 'absent:7b' });
    const error = await caught(collect(backend.generate(request)));
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'model_missing' });
    expect(String(error)).toContain('ollama pull absent:7b');
  });

  it('aborts the upstream stream when the signal fires, then ends quietly', async () => {
    fake = await startFakeOllama({ reply: Array.from({ length: 200 }, (_, i) => `t${i} `), delayMs: 10 });
    const backend = createOllamaBackend({ host: fake.host, model: 'qwen2.5:0.5b' });
    const controller = new AbortController();
    const chunks: string[] = [];
    for await (const chunk of backend.generate({ ...request, signal: controller.signal })) {
      chunks.push(chunk);
      if (chunks.length === 2) controller.abort();
    }
    expect(chunks.length).toBeLessThan(10);
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
  });

  it("surfaces done_reason 'length' when num_predict cut the answer, and 'stop' when it ended by itself", async () => {
    fake = await startFakeOllama({ models: ['m:1'], reply: ['a', ' b', ' c', ' d'] });
    const backend = createOllamaBackend({ host: fake.host, model: 'm:1' });
    const finishes: GenerationFinish[] = [];
    const onFinish = (f: GenerationFinish): void => {
      finishes.push(f);
    };
    expect(await collect(backend.generate({ ...request, onFinish, decoding: { ...request.decoding, maxTokens: 2 } }))).toEqual(['a', ' b']);
    expect(await collect(backend.generate({ ...request, onFinish }))).toEqual(['a', ' b', ' c', ' d']);
    expect(finishes).toEqual([{ reason: 'length' }, { reason: 'stop' }]);
  });

  it('does not call onFinish for an aborted answer', async () => {
    fake = await startFakeOllama({ reply: Array.from({ length: 200 }, (_, i) => `t${i} `), delayMs: 10 });
    const backend = createOllamaBackend({ host: fake.host, model: 'qwen2.5:0.5b' });
    const controller = new AbortController();
    const finishes: GenerationFinish[] = [];
    const onFinish = (f: GenerationFinish): void => {
      finishes.push(f);
    };
    for await (const chunk of backend.generate({ ...request, onFinish, signal: controller.signal })) {
      expect(chunk).not.toBe('');
      controller.abort();
    }
    await expect.poll(() => fake?.abortedStreams()).toBe(1);
    expect(finishes).toEqual([]);
  });

  it('reports a stream that ends without its final line as an upstream error, after the pieces it got', async () => {
    fake = await startFakeOllama({ reply: ['partial'], omitDoneLine: true });
    const chunks: string[] = [];
    const error = await caught(
      (async () => {
        for await (const chunk of createOllamaBackend({ host: fake?.host ?? '', model: 'qwen2.5:0.5b' }).generate(request)) chunks.push(chunk);
      })(),
    );
    expect(chunks).toEqual(['partial']);
    expect(error).toMatchObject({ name: 'LlmError', code: 'upstream' });
  });

  it('maps a refused connection to unreachable naming the host', async () => {
    const host = `http://127.0.0.1:${await unusedPort()}`;
    const error = await caught(collect(createOllamaBackend({ host, model: 'x', retries: 1, retryBaseMs: 5 }).generate(request)));
    expect(error).toMatchObject({ code: 'unreachable', message: `Ollama is not reachable at ${host}` });
  });

  it('probes reachability', async () => {
    fake = await startFakeOllama();
    expect(await isOllamaReachable(fake.host, 1000)).toBe(true);
    expect(await isOllamaReachable(`http://127.0.0.1:${await unusedPort()}`, 1000)).toBe(false);
  });
});
