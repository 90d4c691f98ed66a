import { newBitRows, setBit } from './bitset';
import { exactCoverSets } from './exact-cover';
import { greedyCoverSets } from './greedy-cover';
import { better, extend, pointwise, scoreOf, swapImprove, type GapMatrix } from './budget-search';
import { selectionInstance, type SelectionInstance } from './instance';
import { assertPositiveInt } from './validate';

export type GapObjective = 'multiplicative' | 'additive';

export interface BudgetOptions {
  /** Which worst gap to minimize (default multiplicative). */
  objective?: GapObjective;
  /** Solve exactly when (Pareto candidates) × points is at most this (default 120,000). */
  exactCells?: number;
  /** Node limit per exact cover decision (default 100,000). */
  nodeLimit?: number;
}

export interface BudgetResult {
  k: number;
  /** Indices into candidates. */
  selected: number[];
  /** Worst gaps over the points. */
  worstEpsilon: number;
  worstDelta: number;
  /** True when the objective's worst gap is proven minimal for this k. */
  exact: boolean;
}

/** The best k candidates by worst gap over the points (see tradeoffCurve). */
export function budgetSelect(
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
  k: number,
  options: BudgetOptions = {},
): BudgetResult {
  const curve = tradeoffCurve(candidates, points, k, options);
  const last = curve[curve.length - 1];
  if (!last) throw new RangeError(`k must be a positive integer, got ${k}`);
  return last;
}

/**
 * k → best portfolio for k = 1 .. kMax. Each k takes the better of the exact optimum (small
 * instances, binary search over gap thresholds with a bounded exact cover) and the previous
 * portfolio plus its best addition, improved by swaps. So the worst gap never increases with k.
 */
export function tradeoffCurve(
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
  kMax: number,
  options: BudgetOptions = {},
): BudgetResult[] {
  assertPositiveInt(kMax, 'k');
  const inst = selectionInstance(candidates, points);
  const g = gapMatrix(inst, options.objective ?? 'multiplicative');
  const tryExact = g.sets * g.points <= (options.exactCells ?? 120_000);
  const curve: BudgetResult[] = [];
  let members: number[] = [];
  for (let k = 1; k <= kMax; k++) {
    let next = swapImprove(g, extend(g, members));
    let exact = next.length === g.sets;
    if (!exact && !tryExact) {
      // A second start: greedy covers at a bisected threshold often escape the first one's basin.
      const other = swapImprove(g, thresholdGreedy(g, k));
      if (better(scoreOf(pointwise(g, other)), scoreOf(pointwise(g, next)))) next = other;
    }
    if (tryExact && !exact) {
      const opt = exactBudget(g, k, scoreOf(pointwise(g, next)).worst, options.nodeLimit ?? 100_000);
      if (opt && !better(scoreOf(pointwise(g, next)), scoreOf(pointwise(g, opt)))) next = opt;
      exact = opt !== null;
    }
    members = next;
    curve.push(report(inst, members, k, exact));
  }
  return curve;
}

function gapMatrix(inst: SelectionInstance, objective: GapObjective): GapMatrix {
  const { candidates: C, points: P, opt } = inst;
  const gaps = new Float64Array(C.rows * P.rows);
  for (let s = 0; s < C.rows; s++)
    for (let p = 0; p < P.rows; p++) {
      let v = 0;
      for (let j = 0; j < C.dim; j++) v += (C.data[s * C.dim + j] ?? 0) * (P.data[p * C.dim + j] ?? 0);
      const o = opt[p] ?? 0;
      gaps[s * P.rows + p] = objective === 'additive' ? o - v : o > 0 ? 1 - v / o : 0;
    }
  return { gaps, sets: C.rows, points: P.rows };
}

/**
 * Smallest threshold t such that k sets bring every point's gap to ≤ t: binary search over the
 * matrix's distinct values up to the heuristic's worst. Null when a decision hit its node limit.
 */
function exactBudget(g: GapMatrix, k: number, upper: number, nodeLimit: number): number[] | null {
  const floor = scoreOf(pointwise(g, Array.from({ length: g.sets }, (_, s) => s))).worst;
  const values = [...new Set(Array.from(g.gaps).filter((x) => x >= floor && x <= upper))].sort((a, b) => a - b);
  let lo = 0;
  let hi = values.length - 1;
  let best: number[] | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = values[mid] ?? upper;
    const rows = newBitRows(g.sets, g.points);
    for (let s = 0; s < g.sets; s++)
      for (let p = 0; p < g.points; p++) if ((g.gaps[s * g.points + p] ?? Infinity) <= t) setBit(rows, s, p);
    const r = exactCoverSets(rows, { maxSize: k, nodeLimit });
    if (!r.optimal && r.selected.length === 0) return null;
    if (r.selected.length > 0) {
      best = r.selected;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return best;
}

/** Greedy cover at the smallest bisected threshold t for which it needs at most k sets. */
function thresholdGreedy(g: GapMatrix, k: number): number[] {
  let lo = scoreOf(pointwise(g, Array.from({ length: g.sets }, (_, s) => s))).worst;
  let hi = g.gaps.reduce((a, b) => Math.max(a, b), -Infinity);
  let best = greedyAt(g, hi);
  for (let iter = 0; iter < 18 && hi - lo > 1e-6; iter++) {
    const mid = (lo + hi) / 2;
    const cover = greedyAt(g, mid);
    if (cover.length <= k) {
      best = cover;
      hi = mid;
    } else lo = mid;
  }
  return best.slice(0, k);
}

function greedyAt(g: GapMatrix, t: number): number[] {
  const rows = newBitRows(g.sets, g.points);
  for (let s = 0; s < g.sets; s++) for (let p = 0; p < g.points; p++) if ((g.gaps[s * g.points + p] ?? Infinity) <= t) setBit(rows, s, p);
  return greedyCoverSets(rows).selected;
}

function report(inst: SelectionInstance, members: readonly number[], k: number, exact: boolean): BudgetResult {
  const mult = scoreOf(pointwise(gapMatrixFor(inst, members, 'multiplicative'), members.map((_, i) => i))).worst;
  const add = scoreOf(pointwise(gapMatrixFor(inst, members, 'additive'), members.map((_, i) => i))).worst;
  return { k, selected: members.map((s) => inst.front[s] ?? s).sort((a, b) => a - b), worstEpsilon: mult, worstDelta: add, exact };
}

function gapMatrixFor(inst: SelectionInstance, members: readonly number[], objective: GapObjective): GapMatrix {
  const C = inst.candidates;
  const data = new Float64Array(members.length * C.dim);
  members.forEach((s, i) => data.set(C.data.subarray(s * C.dim, (s + 1) * C.dim), i * C.dim));
  return gapMatrix({ ...inst, candidates: { data, rows: members.length, dim: C.dim } }, objective);
}
