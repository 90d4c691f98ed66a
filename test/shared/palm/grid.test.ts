import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometricGrid, gridCoordinateValues, gridSize } from '../../../shared/palm/grid';

/**
 * Independent count: every grid point is x/Σx for an x ∈ V^d whose largest coordinate is 1
 * (the coordinate fixed to 1), and two such x normalize to the same point only if equal. So the
 * grid has |V|^d − (|V| − 1)^d points, with |V| = 2 + ⌈ln(1/α)/ln(1+µ)⌉.
 */
function expectedSize(d: number, mu: number, alpha: number): number {
  const v = 2 + Math.ceil(Math.log(1 / alpha) / Math.log(1 + mu));
  return v ** d - (v - 1) ** d;
}

describe('geometricGrid', () => {
  it('d = 2, µ = 0.4, α = 0.2 gives the 13 points of DESIGN §3', () => {
    const grid = geometricGrid(2, 0.4, 0.2);
    expect(grid).toHaveLength(13);
    const first = grid.map((w) => w[0] ?? -1).sort((a, b) => b - a);
    const expected = [1, 0.833, 0.781, 0.718, 0.646, 0.566, 0.5];
    const mirrored = [...expected, ...expected.slice(0, -1).map((x) => 1 - x)].sort((a, b) => b - a);
    first.forEach((x, i) => expect(x).toBeCloseTo(mirrored[i] ?? Number.NaN, 3));
  });

  it('d = 3 sizes match the independent count', () => {
    expect(gridSize(3, 0.4, 0.2)).toBe(7 ** 3 - 6 ** 3);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.double({ min: 0.15, max: 1.5, noNaN: true }), fc.double({ min: 0.05, max: 0.9, noNaN: true }), (d, mu, alpha) => {
        // Keep away from α(1+µ)^k landing on 1 exactly, where rounding decides.
        const k = Math.log(1 / alpha) / Math.log(1 + mu);
        fc.pre(Math.abs(k - Math.round(k)) > 1e-6);
        expect(gridSize(d, mu, alpha)).toBe(expectedSize(d, mu, alpha));
      }),
      { numRuns: 60 },
    );
  });

  it('holds simplex points with values from V', () => {
    const values = gridCoordinateValues(0.5, 0.1);
    expect(values[0]).toBe(0);
    expect(values[values.length - 1]).toBe(1);
    for (const w of geometricGrid(3, 0.5, 0.1)) {
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.min(...w)).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects bad d, µ and α clearly', () => {
    expect(() => geometricGrid(1, 0.4, 0.2)).toThrow(/d must be an integer ≥ 2, got 1/);
    expect(() => geometricGrid(2.5, 0.4, 0.2)).toThrow(/got 2.5/);
    expect(() => geometricGrid(3, -1, 0.2)).toThrow(/µ must be a finite number > 0, got -1/);
    expect(() => geometricGrid(3, Number.NaN, 0.2)).toThrow(/µ/);
    expect(() => geometricGrid(3, 0.4, 0)).toThrow(/α must be a number in \(0, 1\), got 0/);
    expect(() => geometricGrid(3, 0.4, 1)).toThrow(/α/);
    expect(() => geometricGrid(12, 0.01, 0.01)).toThrow(RangeError);
  });
});
