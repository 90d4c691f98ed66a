import { coverSets, optimum } from './coverage';
import type { BitRows } from './bitset';
import { pack, type Packed } from './packed';
import { paretoFront, subset } from './pareto';
import { assertRewardSet, assertTolerance, assertWeightSet } from './validate';

/** A validated selection problem: Pareto-optimal candidates, points and OPT at every point. */
export interface SelectionInstance {
  d: number;
  /** Original candidate index of each front row. */
  front: number[];
  candidates: Packed;
  points: Packed;
  opt: Float64Array;
}

/** Validates and prepares candidates × points for selection (dominated candidates dropped). */
export function selectionInstance(
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
): SelectionInstance {
  const d = assertRewardSet(candidates, 'candidates');
  if (points.length === 0) throw new RangeError('points must be a non-empty list of weight vectors');
  assertWeightSet(points, d);
  const all = pack(candidates, d);
  const front = paretoFront(all);
  const C = subset(all, front);
  const P = pack(points, d);
  return { d, front, candidates: C, points: P, opt: optimum(C, P, true).value };
}

/** Cover sets of the instance for a target (ε, δ); row i is front candidate i. */
export function instanceCoverSets(inst: SelectionInstance, epsilon: number, delta: number): BitRows {
  assertTolerance(epsilon, delta);
  return coverSets(inst.candidates, inst.points, inst.opt, epsilon, delta);
}
