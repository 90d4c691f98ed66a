import { describe, expect, it } from 'vitest';
import { estimateRewards, standardError } from '../../../server/portfolio/estimate';
import type { Sample } from '../../../server/portfolio/generate-answers';

const sample = (policyId: string, promptId: string, seed: number): Sample => ({ policyId, promptId, prompt: promptId, seed, response: 'x' });

describe('estimateRewards', () => {
  it('leaves missing scores out instead of counting them as 0', () => {
    const samples = [sample('p', 'a', 1), sample('p', 'b', 1), sample('p', 'c', 1)];
    const [e] = estimateRewards(samples, [[0.5, 1], [null, 1], [0.7, null]], 2);
    expect(e?.mean[0]).toBeCloseTo(0.6);
    expect(e?.prompts).toEqual([2, 2]);
    expect(e?.samples).toBe(3);
  });

  it('averages the seeds of a prompt first and takes the standard error over prompts', () => {
    const samples = [sample('p', 'a', 1), sample('p', 'a', 2), sample('p', 'b', 1), sample('p', 'b', 2)];
    const [e] = estimateRewards(samples, [[0], [1], [1], [1]], 1);
    expect(e?.mean[0]).toBeCloseTo(0.75);
    expect(e?.stderr[0]).toBeCloseTo(standardError([0.5, 1]));
    expect(e?.prompts).toEqual([2]);
  });

  it('reports NaN for a trait with no score at all, so the caller can drop the candidate', () => {
    const [e] = estimateRewards([sample('p', 'a', 1)], [[null, 0.2]], 2);
    expect(Number.isNaN(e?.mean[0])).toBe(true);
  });
});
