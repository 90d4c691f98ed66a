import { bestCandidate, withinGap } from '../../../shared/palm/scalarize';

/** Test oracle: true when every point is within (ε, δ) of OPT over the candidates. */
export function coversAll(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[], epsilon: number, delta: number): boolean {
  return points.every((w) => withinGap(bestCandidate(w, members).value, bestCandidate(w, candidates).value, epsilon, delta));
}
