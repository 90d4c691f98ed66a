import { describe, expect, it } from 'vitest';
import type { GenerationStats } from '../../../server/llm/llm.types';
import { createOllamaBackend } from '../../../server/llm/ollama.backend';
import { formatThroughput, meterThroughput } from '../../../server/llm/throughput-meter';
import { fakeOllamaPerTest } from '../../fakes/fake-ollama-per-test';

describe('meterThroughput', () => {
  const startFake = fakeOllamaPerTest();

  it('sums the server timings of every generation and still calls the caller’s onStats', async () => {
    const fake = await startFake({ models: ['m:1'], reply: ['a', 'b', 'c'], delayMs: 5 });
    const { backend, throughput } = meterThroughput(createOllamaBackend({ host: fake.host, model: 'm:1' }));
    expect(formatThroughput(throughput(), 'ollama')).toBe('Throughput: no new generations to measure.');
    const seen: GenerationStats[] = [];
    for (let i = 0; i < 2; i++) {
      for await (const _ of backend.generate({ system: '', messages: [{ role: 'user', content: 'x' }], decoding: { temperature: 0, topP: 1, maxTokens: 8 }, onStats: (s) => seen.push(s) }));
    }
    const t = throughput();
    expect(seen).toHaveLength(2);
    expect(t).toMatchObject({ generations: 2, evalTokens: 6, promptTokens: 24 });
    expect(t.evalMs).toBeCloseTo((seen[0]?.evalDurationMs ?? 0) + (seen[1]?.evalDurationMs ?? 0));
    expect(t.tokensPerSecond).toBeCloseTo((1000 * 6) / t.evalMs);
    expect(formatThroughput(t, 'ollama')).toMatch(/^Throughput \(server timings\): [\d.]+ tokens\/s per stream over 2 generation\(s\), 6 answer tokens/);
    expect(formatThroughput({ ...t, tokensPerSecond: undefined }, 'embedded')).toContain('does not report');
  });
});
