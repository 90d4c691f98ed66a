import { describe, expect, it } from 'vitest';
import { answerDiversity, portfolioMetrics } from '../../../server/portfolio/portfolio-metrics';
import type { Sample } from '../../../server/portfolio/generate-answers';

function sample(policyId: string, promptId: string, response: string): Sample {
  return { policyId, promptId, prompt: promptId, seed: 1, response };
}

describe('portfolio metrics', () => {
  it('diversity is low when members answer alike and high when they differ, ignoring non-members', () => {
    const alike = [sample('a', 'p1', 'the cat sat down'), sample('b', 'p1', 'the cat sat down')];
    const apart = [sample('a', 'p1', 'the cat sat down'), sample('b', 'p1', 'a dog ran far')];
    expect(answerDiversity(['a', 'b'], alike, 2)).toBeCloseTo(0.5, 12);
    expect(answerDiversity(['a', 'b'], apart, 2)).toBe(1);
    expect(answerDiversity(['a'], [...alike, sample('c', 'p1', 'the cat sat down')], 2)).toBe(1);
    expect(answerDiversity(['a', 'b'], [], 2)).toBe(0);
  });

  it('usage perplexity is about 1 when one member dominates and about k for symmetric members', () => {
    const symmetric = portfolioMetrics([[1, 0, 0], [0, 1, 0], [0, 0, 1]], ['a', 'b', 'c'], []);
    expect(symmetric.usagePerplexity).toBeGreaterThan(2.9);
    expect(symmetric.usage.every((u) => Math.abs(u - 1 / 3) < 0.02)).toBe(true);
    const dominant = portfolioMetrics([[1, 1, 1], [0.1, 0, 0]], ['a', 'b'], []);
    expect(dominant.usagePerplexity).toBeCloseTo(1, 6);
    expect(dominant.usage[0]).toBeCloseTo(1, 6);
  });
});
