import { certify } from '../../shared/palm/certify';
import { geometricGrid } from '../../shared/palm/grid';
import { bestCandidate } from '../../shared/palm/scalarize';
import { predictedBounds } from '../../shared/palm/theory';
import type { Pool } from './palm-bench-quality';
import { UNIVERSE } from './palm-bench-quality';

export interface TheoryRow {
  pool: string;
  mu: number;
  alpha: number;
  gridSize: number;
  sizeBound: number;
  /** Distinct best candidates over the grid: the paper's portfolio before pruning. */
  perGridPoint: number;
  certEps: number;
  epsBound: number;
  certDelta: number;
  deltaBound: number;
}

/** The seed statement's predicted bounds beside what this pool measures. */
export function theoryRow(pool: Pool): TheoryRow {
  const u = UNIVERSE[pool.d] ?? { mu: 0.5, alpha: 0.1, certResolution: 12 };
  const bounds = predictedBounds(pool.d, u.mu, u.alpha);
  const grid = geometricGrid(pool.d, u.mu, u.alpha);
  const perGrid = [...new Set(grid.map((w) => bestCandidate(w, pool.candidates).index))];
  const resolution = u.certResolution || undefined;
  const cert = certify(perGrid.map((i) => pool.candidates[i] ?? []), pool.candidates, resolution ? { resolution } : {});
  return {
    pool: pool.name,
    mu: u.mu,
    alpha: u.alpha,
    gridSize: bounds.gridSize,
    sizeBound: bounds.sizeBound,
    perGridPoint: perGrid.length,
    certEps: cert.epsilon,
    epsBound: bounds.epsilonBound,
    certDelta: cert.delta,
    deltaBound: bounds.deltaBound,
  };
}
