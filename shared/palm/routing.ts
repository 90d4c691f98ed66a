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

/**
 * Validated search indexes, built once per array: a portfolio and its candidate pool are
 * treated as immutable once routed on (build new arrays for a new portfolio version).
 */
const indexes = new WeakMap<readonly (readonly number[])[], { d: number; index: MaxIndex }>();

function indexFor(rows: readonly (readonly number[])[], what: string): { d: number; index: MaxIndex } {
  let entry = indexes.get(rows);
  if (!entry) {
    const d = assertRewardSet(rows, what);
    entry = { d, index: buildMaxIndex(pack(rows, d)) };
    indexes.set(rows, entry);
  }
  return entry;
}

const memberSlot = newMaxResult();
const bestSlot = newMaxResult();
/** Weights copied into a typed array so the search loop only ever sees Float64Array. */
let scratch = new Float64Array(3);

/** The member serving weights w, with its value and how close it is to the best candidate. */
export function route(
  weights: readonly number[],
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
): RouteDecision {
  if (members.length === 0) throw new RangeError('cannot route with an empty portfolio');
  const m = indexFor(members, 'members');
  assertWeights(weights, m.d);
  if (scratch.length !== m.d) scratch = new Float64Array(m.d);
  scratch.set(weights);
  const chosen = queryMax(m.index, scratch, 0, -1, memberSlot);
  let bestValue = chosen.value;
  if (candidates.length > 0) {
    const c = indexFor(candidates, 'candidates');
    if (c.d !== m.d) throw new RangeError(`candidates have ${c.d} components but members have ${m.d}`);
    bestValue = Math.max(bestValue, queryMax(c.index, scratch, 0, -1, bestSlot).value);
  }
  return {
    member: chosen.index,
    value: chosen.value,
    bestValue,
    relativeValue: bestValue > 0 ? chosen.value / bestValue : 1,
  };
}
