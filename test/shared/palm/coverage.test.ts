import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gapMatrices, optimum, valueMatrix } from '../../../shared/palm/coverage';
import { landscape } from '../../../shared/palm/landscapes';
import { pack } from '../../../shared/palm/packed';
import { bestCandidate, scalarize, withinGap } from '../../../shared/palm/scalarize';
import { randomSimplexPoints, rewardSet } from './arbitraries';

describe('coverage matrices', () => {
  it('OPT, values and gaps agree with direct computation', () => {
    fc.assert(
      fc.property(rewardSet(3, 1, 40), fc.integer(), (candidates, seed) => {
        const points = randomSimplexPoints(3, 25, seed);
        const C = pack(candidates, 3);
        const P = pack(points, 3);
        const opt = optimum(C, P);
        const values = valueMatrix(C, P);
        const gaps = gapMatrices(values, opt.value);
        points.forEach((w, p) => {
          const best = bestCandidate(w, candidates);
          expect(opt.value[p]).toBeCloseTo(best.value, 12);
          expect(scalarize(w, candidates[opt.index[p] ?? -1] ?? [])).toBeCloseTo(best.value, 12);
          candidates.forEach((c, i) => {
            const v = scalarize(w, c);
            expect(values[i * points.length + p]).toBeCloseTo(v, 12);
            expect(gaps.additive[i * points.length + p]).toBeCloseTo(best.value - v, 12);
            expect(gaps.multiplicative[i * points.length + p]).toBeCloseTo(best.value > 0 ? 1 - v / best.value : 0, 12);
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});

describe('scalarize and friends', () => {
  it('reject mismatched or non-finite input', () => {
    expect(() => scalarize([0.5, 0.5], [1])).toThrow(/2 components but rewards have 1/);
    expect(() => scalarize([0.5, 0.5], [Number.NaN, 1])).toThrow(/not finite/);
    expect(() => bestCandidate([1, 0], [])).toThrow(/empty candidate set/);
    expect(() => withinGap(Number.NaN, 1, 0, 0)).toThrow(/value must be a finite number/);
    expect(withinGap(0.9, 1, 0.05, 0.05)).toBe(true);
    expect(withinGap(0.89, 1, 0.05, 0.05)).toBe(false);
  });
});

describe('landscapes', () => {
  it('are reproducible reward pools in [0, 1] with non-negative standard errors', () => {
    for (const shape of ['convex', 'concave', 'noisy'] as const) {
      const a = landscape({ d: 3, shape, count: 300, seed: 8 });
      expect(a).toEqual(landscape({ d: 3, shape, count: 300, seed: 8 }));
      expect(a.candidates).toHaveLength(300);
      for (const [i, c] of a.candidates.entries()) {
        for (const x of c) expect(x >= 0 && x <= 1).toBe(true);
        for (const s of a.stderr[i] ?? []) expect(s).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
