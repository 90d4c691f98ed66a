import { bestCandidate, scalarize, withinGap } from './scalarize';

export interface CoverResult {
  /** Indices into the candidate list, in the order greedy picked them. */
  selected: number[];
  /** For each selected candidate, how many points it newly covered when picked. */
  newlyCovered: number[];
}

/**
 * Greedy set cover (ln n approximation): repeatedly take the candidate covering the most
 * still-uncovered points, where π covers w when J_w(π) ≥ (1 − ε)·OPT(w) − δ.
 * Always terminates: the argmax candidate of each point covers it.
 */
export function greedyCover(
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
  epsilon: number,
  delta: number,
): CoverResult {
  if (candidates.length === 0) throw new RangeError('cannot cover with an empty candidate set');
  const opt = points.map((w) => bestCandidate(w, candidates).value);
  const covers = candidates.map((r) => points.map((w, p) => withinGap(scalarize(w, r), opt[p] ?? 0, epsilon, delta)));
  const uncovered = new Set(points.map((_, p) => p));
  const selected: number[] = [];
  const newlyCovered: number[] = [];
  while (uncovered.size > 0) {
    let best = -1;
    let bestCount = 0;
    covers.forEach((row, c) => {
      let count = 0;
      for (const p of uncovered) if (row[p]) count++;
      if (count > bestCount) {
        bestCount = count;
        best = c;
      }
    });
    const row = covers[best];
    if (!row) throw new Error('greedy cover found no candidate for an uncovered point');
    for (const p of [...uncovered]) if (row[p]) uncovered.delete(p);
    selected.push(best);
    newlyCovered.push(bestCount);
  }
  return { selected, newlyCovered };
}
