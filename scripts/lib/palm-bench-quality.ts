import { randomPortfolio, uniformPortfolio } from '../../shared/palm/baselines';
import { tradeoffCurve } from '../../shared/palm/budget';
import { certify } from '../../shared/palm/certify';
import { geometricGrid } from '../../shared/palm/grid';
import type { Landscape } from '../../shared/palm/landscapes';
import { portfolioGaps, usagePerplexity } from '../../shared/palm/metrics';
import { sampleSimplex } from '../../shared/palm/prng';
import { simplexLatticePoints } from '../../shared/palm/simplex';

/** A candidate pool to evaluate: a synthetic landscape, or a measured pool (which has no shape). */
export type Pool = Omit<Landscape, 'shape'>;

export interface QualityRow {
  pool: string;
  method: string;
  k: number;
  size: number;
  worstEps: number;
  meanEps: number;
  worstDelta: number;
  meanDelta: number;
  certEps: number;
  certDelta: number;
  perplexity: number;
}

/** Grid parameters and lattice resolution of the selection universe per dimension. */
export const UNIVERSE: Record<number, { mu: number; alpha: number; lattice: number; certResolution: number }> = {
  2: { mu: 0.1, alpha: 0.02, lattice: 400, certResolution: 0 },
  3: { mu: 0.3, alpha: 0.05, lattice: 30, certResolution: 100 },
  4: { mu: 0.5, alpha: 0.1, lattice: 10, certResolution: 30 },
};

export function universeFor(d: number): { points: number[][]; certResolution: number | undefined } {
  const u = UNIVERSE[d] ?? { mu: 0.5, alpha: 0.1, lattice: 6, certResolution: 12 };
  return {
    points: [...geometricGrid(d, u.mu, u.alpha), ...simplexLatticePoints(d, u.lattice)],
    certResolution: u.certResolution > 0 ? u.certResolution : undefined,
  };
}

/**
 * PALM (budget mode on the grid + lattice universe) against uniform and random at each k.
 * Gaps are measured on 20,000 users drawn uniformly from the simplex (a different seed from
 * anything used in selection), and certified over the whole simplex.
 */
export function qualityRows(pool: Pool, ks: readonly number[], seed = 7): QualityRow[] {
  const { points, certResolution } = universeFor(pool.d);
  const users = sampleSimplex(pool.d, 20_000, seed + 1000);
  const curve = tradeoffCurve(pool.candidates, points, Math.max(...ks));
  const rows: QualityRow[] = [];
  for (const k of ks) {
    const palm = curve[k - 1]?.selected ?? [];
    const methods: [string, number[]][] = [
      ['PALM', palm],
      ['uniform', uniformPortfolio(pool.candidates, k).selected],
      ['random', randomPortfolio(pool.candidates, k, seed + k).selected],
    ];
    for (const [method, selected] of methods) rows.push(evaluate(pool, method, k, selected, users, certResolution));
  }
  return rows;
}

function evaluate(pool: Pool, method: string, k: number, selected: number[], users: number[][], resolution: number | undefined): QualityRow {
  const members = selected.map((i) => pool.candidates[i] ?? []);
  const gaps = portfolioGaps(members, pool.candidates, users);
  const cert = certify(members, pool.candidates, resolution ? { resolution } : {});
  return {
    pool: pool.name,
    method,
    k,
    size: members.length,
    worstEps: gaps.worstEpsilon,
    meanEps: gaps.meanEpsilon,
    worstDelta: gaps.worstDelta,
    meanDelta: gaps.meanDelta,
    certEps: cert.epsilon,
    certDelta: cert.delta,
    perplexity: usagePerplexity(members, users).perplexity,
  };
}
