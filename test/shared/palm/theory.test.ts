import { describe, expect, it } from 'vitest';
import { predictedBounds } from '../../../shared/palm/theory';

describe('predictedBounds', () => {
  it('follows the seed statement', () => {
    const b = predictedBounds(3, 0.1, 0.05, 1, 0.5);
    expect(b.epsilonBound).toBeCloseTo(0.4, 12);
    expect(b.deltaBound).toBeCloseTo(2 * (3 * 0.05 + 0.1 * 0.5), 12);
    expect(b.sizeBound).toBeCloseTo(3 * (2 + 20 * Math.log(20)) ** 2, 6);
  });

  it('bounds the grid size it reports (the grid is one policy per point at most)', () => {
    for (const [d, mu, alpha] of [[2, 0.4, 0.2], [3, 0.5, 0.1], [3, 0.2, 0.05], [4, 0.8, 0.3]] as const) {
      const b = predictedBounds(d, mu, alpha);
      expect(b.gridSize).toBeLessThanOrEqual(d * b.coordinateValues ** (d - 1));
      expect(b.coordinateValues - 1).toBeLessThanOrEqual(2 + (2 / mu) * Math.log(1 / alpha));
    }
  });

  it('rejects bad parameters clearly', () => {
    expect(() => predictedBounds(1, 0.4, 0.2)).toThrow(/dimension d/);
    expect(() => predictedBounds(3, 0, 0.2)).toThrow(/µ/);
    expect(() => predictedBounds(3, 0.4, 1)).toThrow(/α/);
    expect(() => predictedBounds(3, 0.4, 0.2, Number.NaN)).toThrow(/R_max/);
  });
});
