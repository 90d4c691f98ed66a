import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, route } from '../../../shared/palm/routing';
import { landscape } from '../../../shared/palm/landscapes';
import { randomSimplexPoints, rewardSet } from './arbitraries';

const dot = (w: number[], r: readonly number[]): number => w.reduce((s, x, i) => s + x * (r[i] ?? 0), 0);

describe('route', () => {
  it('serves with a best member and reports OPT over the candidates', () => {
    fc.assert(
      fc.property(rewardSet(3, 1, 30), rewardSet(3, 1, 5), fc.integer(), (candidates, members, seed) => {
        for (const w of randomSimplexPoints(3, 20, seed)) {
          const r = route(w, members, candidates);
          const best = Math.max(...members.map((m) => dot(w, m)));
          expect(dot(w, members[r.member] ?? [])).toBeCloseTo(best, 12);
          expect(r.value).toBeCloseTo(best, 12);
          expect(r.bestValue).toBeCloseTo(Math.max(best, ...candidates.map((c) => dot(w, c))), 12);
          expect(r.relativeValue).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('createRouter decides like route', () => {
    fc.assert(
      fc.property(rewardSet(2, 1, 20), rewardSet(2, 1, 4), fc.integer(), (candidates, members, seed) => {
        const router = createRouter(members, candidates);
        for (const w of randomSimplexPoints(2, 10, seed)) expect(router(w)).toEqual(route(w, [...members], [...candidates]));
      }),
      { numRuns: 30 },
    );
  });

  it('works on a large pool with a pruned search', () => {
    const { candidates } = landscape({ d: 3, shape: 'convex', count: 3000, seed: 5 });
    const members = candidates.slice(0, 7);
    for (const w of randomSimplexPoints(3, 200, 9)) {
      const r = route(w, members, candidates);
      expect(r.bestValue).toBeCloseTo(Math.max(...candidates.map((c) => dot(w, c))), 12);
    }
  });

  it('rejects bad weights and pools clearly', () => {
    const m = [[0.5, 0.5]];
    expect(() => route([0.5, 0.5], [], m)).toThrow(/empty portfolio/);
    expect(() => route([Number.NaN, 1], m, m)).toThrow(/weights\[0\] must be a finite number/);
    expect(() => route([-0.5, 1.5], m, m)).toThrow(/weights\[0\] must be ≥ 0/);
    expect(() => route([0.5, 0.5, 0], m, m)).toThrow(/weights must have 2 components/);
    expect(() => route([0.5, 0.5], [[2, 0]], m)).toThrow(/members\[0\]\[0\] must be in \[0, 1\]/);
    expect(() => route([0.5, 0.5], m, [[0.5, 0.5, 0.5]])).toThrow(/candidates have 3 components/);
  });
});
