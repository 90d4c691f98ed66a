import { greedyCover } from '../../shared/palm/greedy-cover';
import { bestCandidate, withinGap } from '../../shared/palm/scalarize';

export interface Selection {
  /** Candidate indices of the portfolio members, in the order set cover picked them. */
  members: number[];
  /** For each member (same order), the grid points it newly covered when picked. */
  coveredGridPoints: number[];
  /** For each grid point, the candidate with the highest g · R̂ (the "policy per grid point"). */
  bestPerPoint: number[];
}

/**
 * PALM's pruning (DESIGN §3 steps 2 and 4): the policy for grid weight g is the candidate
 * maximizing g · R̂; greedy set cover then keeps few candidates such that every grid point
 * is within (ε, δ) of its best. The cover runs over the per-point winners only, because the
 * paper prunes the set of grid policies, not the whole search space.
 */
export function selectPortfolio(rewards: readonly (readonly number[])[], grid: readonly (readonly number[])[], epsilon: number, delta: number): Selection {
  const bestPerPoint = grid.map((g) => bestCandidate(g, rewards).index);
  const pool = [...new Set(bestPerPoint)].sort((a, b) => a - b);
  const poolRewards = pool.map((i) => rewards[i] ?? []);
  const cover = greedyCover(poolRewards, grid, epsilon, delta);
  return {
    members: cover.selected.map((p) => pool[p] ?? -1),
    coveredGridPoints: cover.newlyCovered,
    bestPerPoint,
  };
}

export interface GridGaps {
  /** Worst multiplicative gap 1 − M(w)/OPT(w) and worst additive gap OPT(w) − M(w), each alone. */
  epsilon: number;
  delta: number;
  /** Smallest δ such that every point is within (targetEpsilon, δ): what set cover promises ≤ its δ. */
  deltaAtTargetEpsilon: number;
}

/** Gaps of the members against OPT over every candidate, at the given points (ε is 0 where OPT ≤ 0). */
export function gridGaps(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[], targetEpsilon: number): GridGaps {
  const gaps = { epsilon: 0, delta: 0, deltaAtTargetEpsilon: 0 };
  for (const w of points) {
    const got = bestCandidate(w, members).value;
    const opt = Math.max(bestCandidate(w, candidates).value, got);
    gaps.delta = Math.max(gaps.delta, opt - got);
    gaps.deltaAtTargetEpsilon = Math.max(gaps.deltaAtTargetEpsilon, (1 - targetEpsilon) * opt - got);
    if (opt > 0) gaps.epsilon = Math.max(gaps.epsilon, 1 - got / opt);
  }
  return gaps;
}

/** True when every point is within (ε, δ) of OPT over the candidates. */
export function coversAll(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[], epsilon: number, delta: number): boolean {
  return points.every((w) => withinGap(bestCandidate(w, members).value, bestCandidate(w, candidates).value, epsilon, delta));
}
