import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomPortfolio, uniformPortfolio, uniformWeights } from '../../../shared/palm/baselines';
import { budgetSelect } from '../../../shared/palm/budget';
import { distinctN, portfolioGaps, usagePerplexity } from '../../../shared/palm/metrics';
import { sampleSimplex } from '../../../shared/palm/prng';
import { bruteGaps, randomSimplexPoints, rewardSet } from './arbitraries';

const instance = fc.integer({ min: 2, max: 3 }).chain((d) =>
  fc.record({ d: fc.constant(d), candidates: rewardSet(d, 2, 9), seed: fc.integer({ min: 1, max: 1e9 }) }),
);

describe('baselines', () => {
  it('uniform and random never beat the exact optimum for the same k', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 4 }), ({ d, candidates, seed }, k) => {
        const points = randomSimplexPoints(d, 30, seed);
        const best = budgetSelect(candidates, points, k);
        expect(best.exact).toBe(true);
        for (const base of [uniformPortfolio(candidates, k), randomPortfolio(candidates, k, seed)]) {
          expect(base.selected.length).toBeLessThanOrEqual(k);
          const gaps = bruteGaps(base.selected.map((i) => candidates[i] ?? []), candidates, points);
          expect(gaps.epsilon).toBeGreaterThanOrEqual(best.worstEpsilon - 1e-12);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('uniform weights are k distinct simplex points, spread out', () => {
    for (const d of [2, 3, 4])
      for (const k of [1, 3, 5, 7]) {
        const w = uniformWeights(d, k);
        expect(w).toHaveLength(k);
        expect(new Set(w.map((x) => x.join())).size).toBe(k);
        for (const p of w) expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    expect(uniformWeights(2, 3)).toEqual([[1, 0], [0.5, 0.5], [0, 1]]);
  });

  it('random baseline is reproducible from its seed', () => {
    const c = [[0.1, 0.9], [0.5, 0.5], [0.9, 0.1]];
    expect(randomPortfolio(c, 5, 42)).toEqual(randomPortfolio(c, 5, 42));
  });
});

describe('metrics', () => {
  it('portfolio gaps agree with brute force', () => {
    fc.assert(
      fc.property(instance, ({ d, candidates, seed }) => {
        const points = randomSimplexPoints(d, 50, seed);
        const members = candidates.slice(0, 2);
        const s = portfolioGaps(members, candidates, points);
        const b = bruteGaps(members, candidates, points);
        expect(s.worstEpsilon).toBeCloseTo(b.epsilon, 12);
        expect(s.worstDelta).toBeCloseTo(b.delta, 12);
        expect(s.meanDelta).toBeLessThanOrEqual(s.worstDelta + 1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('usage perplexity is k for symmetric members and 1 for a single member', () => {
    const users = sampleSimplex(2, 20_000, 3);
    const even = usagePerplexity([[1, 0], [0, 1]], users);
    expect(even.perplexity).toBeGreaterThan(1.95);
    expect(even.perplexity).toBeLessThanOrEqual(2);
    expect(usagePerplexity([[0.5, 0.5]], users).perplexity).toBe(1);
    expect(() => usagePerplexity([[0.5, 0.5]], [])).toThrow(/users/);
  });

  it('distinct-n counts repeated n-grams across answers', () => {
    expect(distinctN(['a b c', 'a b d'], 2)).toBeCloseTo(3 / 4, 12);
    expect(distinctN(['Same words', 'same WORDS'], 1)).toBeCloseTo(2 / 4, 12);
    expect(distinctN([''], 1)).toBe(0);
    expect(() => distinctN(['x'], 0)).toThrow(/n must be a positive integer/);
  });
});
