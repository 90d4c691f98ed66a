import { buildMaxIndex, newMaxResult, queryMax, type MaxIndex } from './max-index';
import { pack } from './packed';
import { assertRewardSet, assertWeights } from './validate';

export interface RouteDecision {
  /** Index into the portfolio members. */
  member: number;
  value: number;
  /** OPT(w) over every candidate the portfolio was built from. */
  bestValue: number;
  relativeValue: number;
}

interface Indexed {
  d: number;
  index: MaxIndex;
}

/**
 * Validated search indexes cached per array: route() called again with the same arrays skips
 * validation and indexing. Treat routed arrays as immutable (a new portfolio = new arrays).
 */
const indexes = new WeakMap<readonly (readonly number[])[], Indexed>();

function indexFor(rows: readonly (readonly number[])[], what: string): Indexed {
  let entry = indexes.get(rows);
  if (!entry) {
    const d = assertRewardSet(rows, what);
    entry = { d, index: buildMaxIndex(pack(rows, d)) };
    indexes.set(rows, entry);
  }
  return entry;
}

/**
 * The member serving weights w, with its value and how close it is to the best candidate.
 * For a hot path with fresh arrays per call, build a router once with createRouter().
 */
export function route(
  weights: readonly number[],
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
): RouteDecision {
  if (members.length === 0) throw new RangeError('cannot route with an empty portfolio');
  const m = indexFor(members, 'members');
  return decide(weights, m, candidates.length > 0 ? indexFor(candidates, 'candidates') : null);
}

/** A router bound to one portfolio version: validates and indexes once, then ~µs per call. */
export function createRouter(
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
): (weights: readonly number[]) => RouteDecision {
  if (members.length === 0) throw new RangeError('cannot route with an empty portfolio');
  const m = indexFor(members, 'members');
  const c = candidates.length > 0 ? indexFor(candidates, 'candidates') : null;
  return (weights) => decide(weights, m, c);
}

const memberSlot = newMaxResult();
const bestSlot = newMaxResult();
/** Weights copied into a typed array so the search loop only ever sees Float64Array. */
let scratch = new Float64Array(3);

function decide(weights: readonly number[], m: Indexed, c: Indexed | null): RouteDecision {
  assertWeights(weights, m.d);
  if (c && c.d !== m.d) throw new RangeError(`candidates have ${c.d} components but members have ${m.d}`);
  if (scratch.length !== m.d) scratch = new Float64Array(m.d);
  scratch.set(weights);
  const chosen = queryMax(m.index, scratch, 0, -1, memberSlot);
  const bestValue = c ? Math.max(chosen.value, queryMax(c.index, scratch, 0, -1, bestSlot).value) : chosen.value;
  return {
    member: chosen.index,
    value: chosen.value,
    bestValue,
    relativeValue: bestValue > 0 ? chosen.value / bestValue : 1,
  };
}
