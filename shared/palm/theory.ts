import { gridCoordinateValues, geometricGrid } from './grid';
import { assertFinite } from './validate';

export interface PredictedBounds {
  /** Upper bound on the portfolio size: d · (2 + (2/µ)·ln(1/α))^(d−1), constant C = 1. */
  sizeBound: number;
  /** Predicted worst multiplicative gap: 4µ. */
  epsilonBound: number;
  /** Predicted worst additive gap: 2(d·α·R_max + µ·f_max). */
  deltaBound: number;
  /** Exact number of distinct points of the geometric grid for (d, µ, α). */
  gridSize: number;
  /** |V|, the number of coordinate values per axis. */
  coordinateValues: number;
}

/**
 * The seed statement's bounds (DESIGN §3) for a grid (d, µ, α). The size bound is stated with
 * constant 1: the grid itself has at most d·|V|^(d−1) points and |V| − 1 ≤ 2 + (2/µ)·ln(1/α)
 * for µ ≤ 1, so one policy per grid point never exceeds d·(3 + (2/µ)·ln(1/α))^(d−1); we print
 * the seed's own expression d·(2 + (2/µ)·ln(1/α))^(d−1) and the exact grid size beside it.
 */
export function predictedBounds(d: number, mu: number, alpha: number, rMax = 1, fMax = 0): PredictedBounds {
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`dimension d must be an integer ≥ 2, got ${d}`);
  assertFinite(rMax, 'R_max');
  assertFinite(fMax, 'f_max');
  if (rMax < 0) throw new RangeError(`R_max must be ≥ 0, got ${rMax}`);
  if (fMax < 0) throw new RangeError(`f_max must be ≥ 0, got ${fMax}`);
  const values = gridCoordinateValues(mu, alpha);
  return {
    sizeBound: d * Math.pow(2 + (2 / mu) * Math.log(1 / alpha), d - 1),
    epsilonBound: 4 * mu,
    deltaBound: 2 * (d * alpha * rMax + mu * fMax),
    gridSize: geometricGrid(d, mu, alpha).length,
    coordinateValues: values.length,
  };
}
