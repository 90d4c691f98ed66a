import { greedyCover } from '../../shared/palm/greedy-cover';
import { bestCandidate, scalarize, withinGap } from '../../shared/palm/scalarize';

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

/** Worst gaps of members against every candidate over the given points (0 where OPT ≤ 0). */
export function worstGaps(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[]): { epsilon: number; delta: number } {
  let epsilon = 0;
  let delta = 0;
  for (const w of points) {
    const opt = Math.max(bestCandidate(w, candidates).value, bestCandidate(w, members).value);
    const got = bestCandidate(w, members).value;
    delta = Math.max(delta, opt - got);
    if (opt > 0) epsilon = Math.max(epsilon, 1 - got / opt);
  }
  return { epsilon, delta };
}

/** True when every point is within (ε, δ) of OPT over the candidates. */
export function coversAll(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[], epsilon: number, delta: number): boolean {
  return points.every((w) => {
    const best = Math.max(...members.map((m) => scalarize(w, m)));
    return withinGap(best, bestCandidate(w, candidates).value, epsilon, delta);
  });
}
