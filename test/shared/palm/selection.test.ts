import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greedyCover } from '../../../shared/palm/greedy-cover';
import { certifiedCover, exactCover } from '../../../shared/palm/select';
import { budgetSelect, tradeoffCurve } from '../../../shared/palm/budget';
import { certify } from '../../../shared/palm/certify';
import { lagrangianBound } from '../../../shared/palm/cover-bound';
import { bruteGaps, randomSimplexPoints, rewardSet } from './arbitraries';

const dot = (w: number[], r: readonly number[]): number => w.reduce((s, x, i) => s + x * (r[i] ?? 0), 0);

/** Instance: d, candidates, weight points, target (ε, δ). */
const instance = fc.integer({ min: 2, max: 3 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    candidates: rewardSet(d, 1, 14),
    points: fc.integer().map((seed) => randomSimplexPoints(d, 40, seed)),
    epsilon: fc.integer({ min: 0, max: 10 }).map((x) => x / 100),
    delta: fc.integer({ min: 0, max: 10 }).map((x) => x / 100),
  }),
);

function coversAll(sel: number[], candidates: number[][], points: number[][], eps: number, del: number): boolean {
  return points.every((w) => {
    const opt = Math.max(...candidates.map((c) => dot(w, c)));
    const m = Math.max(...sel.map((i) => dot(w, candidates[i] ?? [])));
    return m >= (1 - eps) * opt - del - 1e-9;
  });
}

/** Minimum cover size by trying every subset (test oracle for tiny instances). */
function bruteMinCover(candidates: number[][], points: number[][], eps: number, del: number): number {
  const n = candidates.length;
  let best = Infinity;
  for (let mask = 1; mask < 1 << n; mask++) {
    const sel = [...Array(n).keys()].filter((i) => (mask >> i) & 1);
    if (sel.length < best && coversAll(sel, candidates, points, eps, del)) best = sel.length;
  }
  return best;
}

describe('greedy and exact cover', () => {
  it('greedy leaves every point within (ε, δ)', () => {
    fc.assert(
      fc.property(instance, ({ candidates, points, epsilon, delta }) => {
        const { selected, newlyCovered } = greedyCover(candidates, points, epsilon, delta);
        expect(coversAll(selected, candidates, points, epsilon, delta)).toBe(true);
        expect(newlyCovered.reduce((a, b) => a + b, 0)).toBe(points.length);
      }),
      { numRuns: 80 },
    );
  });

  it('exact cover is a cover, never larger than greedy, and minimum by brute force', () => {
    fc.assert(
      fc.property(instance, ({ candidates, points, epsilon, delta }) => {
        const greedy = greedyCover(candidates, points, epsilon, delta).selected;
        const exact = exactCover(candidates, points, epsilon, delta);
        expect(exact.optimal).toBe(true);
        expect(coversAll(exact.selected, candidates, points, epsilon, delta)).toBe(true);
        expect(exact.selected.length).toBeLessThanOrEqual(greedy.length);
        if (candidates.length <= 10) expect(exact.selected.length).toBe(bruteMinCover(candidates, points, epsilon, delta));
      }),
      { numRuns: 80 },
    );
  });

  it('claims optimality after an interrupted search only when true (Lagrangian bound is sound)', () => {
    fc.assert(
      fc.property(instance, ({ candidates, points, epsilon, delta }) => {
        fc.pre(candidates.length <= 10);
        const r = exactCover(candidates, points, epsilon, delta, { nodeLimit: 1 });
        expect(coversAll(r.selected, candidates, points, epsilon, delta)).toBe(true);
        const min = bruteMinCover(candidates, points, epsilon, delta);
        expect(r.lowerBound).toBeLessThanOrEqual(min);
        if (r.optimal) expect(r.selected.length).toBe(min);
        else expect(r.selected.length).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 100 },
    );
  });

  it('the Lagrangian bound never exceeds the minimum cover, and is often tight', () => {
    // Random abstract instances: element e is covered by the sets in masks[e] (non-empty).
    const masks = fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 14 });
    let tight = 0;
    fc.assert(
      fc.property(masks, (elementSets) => {
        const red = { setIds: [...Array(8).keys()], forced: [], elements: elementSets.map((m) => Uint32Array.of(m)) };
        let min = Infinity;
        for (let pick = 1; pick < 256; pick++)
          if (elementSets.every((m) => (m & pick) !== 0)) min = Math.min(min, popcount8(pick));
        const bound = lagrangianBound(red, 9);
        expect(bound).toBeLessThanOrEqual(min + 1e-9);
        if (Math.ceil(bound - 1e-9) === min) tight++;
      }),
      { numRuns: 150 },
    );
    expect(tight).toBeGreaterThan(75);
  });

  it('solves 60 candidates × 2,000 points exactly', () => {
    const candidates = randomFront(60, 3, 7);
    const points = randomSimplexPoints(3, 2000, 11);
    const greedy = greedyCover(candidates, points, 0.01, 0.005).selected;
    const exact = exactCover(candidates, points, 0.01, 0.005);
    expect(exact.optimal).toBe(true);
    expect(exact.selected.length).toBeLessThanOrEqual(greedy.length);
    expect(coversAll(exact.selected, candidates, points, 0.01, 0.005)).toBe(true);
  });
});

describe('budget mode', () => {
  it('worst gap never increases with k and k members at most', () => {
    fc.assert(
      fc.property(instance, fc.constantFrom('multiplicative' as const, 'additive' as const), (inst, objective) => {
        const curve = tradeoffCurve(inst.candidates, inst.points, 5, { objective });
        curve.forEach((r, i) => {
          expect(r.selected.length).toBeLessThanOrEqual(r.k);
          const measured = bruteGaps(r.selected.map((s) => inst.candidates[s] ?? []), inst.candidates, inst.points);
          const worst = objective === 'additive' ? r.worstDelta : r.worstEpsilon;
          expect(worst).toBeCloseTo(objective === 'additive' ? measured.delta : measured.epsilon, 9);
          const prev = curve[i - 1];
          if (prev) expect(worst).toBeLessThanOrEqual((objective === 'additive' ? prev.worstDelta : prev.worstEpsilon) + 1e-12);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('exact budget equals brute force over all k-subsets on tiny instances', () => {
    fc.assert(
      fc.property(instance, fc.integer({ min: 1, max: 3 }), (inst, k) => {
        fc.pre(inst.candidates.length <= 9);
        const r = budgetSelect(inst.candidates, inst.points, k);
        expect(r.exact).toBe(true);
        let best = Infinity;
        const n = inst.candidates.length;
        for (let mask = 1; mask < 1 << n; mask++) {
          const sel = [...Array(n).keys()].filter((i) => (mask >> i) & 1);
          if (sel.length > k) continue;
          best = Math.min(best, bruteGaps(sel.map((s) => inst.candidates[s] ?? []), inst.candidates, inst.points).epsilon);
        }
        expect(r.worstEpsilon).toBeCloseTo(best, 9);
      }),
      { numRuns: 40 },
    );
  });
});

describe('certifiedCover', () => {
  it('returns a portfolio whose whole-simplex certificate meets the target', () => {
    for (const d of [2, 3]) {
      const candidates = randomFront(150, d, d);
      const r = certifiedCover(candidates, 0.02, 0.02);
      expect(r.certified).toBe(true);
      const resolution = r.certificate.resolution ?? undefined;
      const again = certify(r.selected.map((i) => candidates[i] ?? []), candidates, { epsilon: 0.02, resolution });
      expect(again.paired?.delta ?? Infinity).toBeLessThanOrEqual(0.02 + 1e-12);
    }
  });
});

describe('selection input checks', () => {
  it('rejects bad weights and tolerances clearly', () => {
    const c = [[0.5, 0.5]];
    expect(() => greedyCover(c, [[0.7, 0.7]], 0, 0)).toThrow(/points\[0\] must sum to 1/);
    expect(() => greedyCover(c, [[1.2, -0.2]], 0, 0)).toThrow(/points\[0\]\[1\] must be ≥ 0/);
    expect(() => greedyCover(c, [[0.5, 0.5]], -0.1, 0)).toThrow(/ε must be in \[0, 1\)/);
    expect(() => greedyCover(c, [[0.5, 0.5]], 0, Number.NaN)).toThrow(/δ must be a finite number/);
    expect(() => greedyCover([], [[0.5, 0.5]], 0, 0)).toThrow(/non-empty/);
    expect(() => budgetSelect(c, [[0.5, 0.5]], 0)).toThrow(/k must be a positive integer/);
  });
});

function popcount8(x: number): number {
  let c = 0;
  for (let i = 0; i < 8; i++) c += (x >> i) & 1;
  return c;
}

/** Reward vectors near a concave front (not from the library, to keep the oracle independent). */
function randomFront(n: number, d: number, seed: number): number[][] {
  return randomSimplexPoints(d, n, seed * 7919 + 1).map((u, i) => {
    const norm = Math.hypot(...u);
    const shrink = 0.85 + 0.15 * ((i * 37) % 11) / 10;
    return u.map((x) => Math.min(1, (x / norm) * shrink));
  });
}
