import { describe, expect, it } from 'vitest';
import { LlmError } from '../../../server/llm/llm.types';
import type { GenerateRequest, GenerationFinish } from '../../../server/llm/llm.types';
import { createOllamaBackend, isOllamaReachable } from '../../../server/llm/ollama.backend';
import { fakeOllamaPerTest } from '../../fakes/fake-ollama-per-test';
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
  const startFake = fakeOllamaPerTest();

  it('streams the pieces and sends the decoding options and system prompt', async () => {
    const fake = await startFake({ models: ['m:1'], reply: ['Once', ' upon', ' a time'] });
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
    const fake = await startFake({ models: ['other'] });
    const backend = createOllamaBackend({ host: fake.host, model: 'absent:7b' });
    const error = await caught(collect(backend.generate(request)));
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'model_missing' });
    expect(String(error)).toContain('ollama pull absent:7b');
  });

  it('aborts the upstream stream when the signal fires, then ends quietly', async () => {
    const fake = await startFake({ reply: Array.from({ length: 200 }, (_, i) => `t${i} `), delayMs: 10 });
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
    const fake = await startFake({ models: ['m:1'], reply: ['a', ' b', ' c', ' d'] });
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
    const fake = await startFake({ reply: Array.from({ length: 200 }, (_, i) => `t${i} `), delayMs: 10 });
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
    const fake = await startFake({ reply: ['partial'], omitDoneLine: true });
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
    const fake = await startFake();
    expect(await isOllamaReachable(fake.host, 1000)).toBe(true);
    expect(await isOllamaReachable(`http://127.0.0.1:${await unusedPort()}`, 1000)).toBe(false);
  });
});
