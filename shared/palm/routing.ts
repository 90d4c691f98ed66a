import { bestCandidate } from './scalarize';

export interface RouteDecision {
  /** Index into the portfolio members. */
  member: number;
  value: number;
  /** OPT(w) over every candidate the portfolio was built from. */
  bestValue: number;
  relativeValue: number;
}

/** The member serving weights w, with its value and how close it is to the best candidate. */
export function route(
  weights: readonly number[],
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
): RouteDecision {
  if (members.length === 0) throw new RangeError('cannot route with an empty portfolio');
  const chosen = bestCandidate(weights, members);
  const best = bestCandidate(weights, candidates.length > 0 ? candidates : members);
  const bestValue = Math.max(best.value, chosen.value);
  return {
    member: chosen.index,
    value: chosen.value,
    bestValue,
    relativeValue: bestValue > 0 ? chosen.value / bestValue : 1,
  };
}
