import { pack } from './packed';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import { dirichlet1, seededRng } from './prng';
import { simplexLatticePoints } from './simplex';
import { assertPositiveInt, assertRewardSet } from './validate';

/** A baseline portfolio: the weights it was built from and the distinct candidates they pick. */
export interface BaselinePortfolio {
  weights: number[][];
  /** Distinct indices into candidates (weights picking the same candidate share it). */
  selected: number[];
}

/**
 * k evenly spaced weights: d = 2 an even split of [0, 1]; d ≥ 3 farthest-point sampling
 * over a fine lattice starting at a vertex (vertices first, then edge midpoints, …).
 */
export function uniformWeights(d: number, k: number): number[][] {
  assertPositiveInt(k, 'k');
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`dimension d must be an integer ≥ 2, got ${d}`);
  if (d === 2) return Array.from({ length: k }, (_, i) => (k === 1 ? [0.5, 0.5] : [1 - i / (k - 1), i / (k - 1)]));
  const pool = simplexLatticePoints(d, Math.max(2, Math.round(60 / (d - 1))));
  const chosen = [pool[0] ?? []];
  const far = pool.map((p) => l1(p, chosen[0] ?? []));
  while (chosen.length < k) {
    let at = 0;
    far.forEach((x, i) => {
      if (x > (far[at] ?? 0)) at = i;
    });
    const next = pool[at] ?? [];
    chosen.push(next);
    pool.forEach((p, i) => (far[i] = Math.min(far[i] ?? 0, l1(p, next))));
  }
  return chosen;
}

/** Uniform baseline: k evenly spaced weights, each mapped to its best candidate. */
export function uniformPortfolio(candidates: readonly (readonly number[])[], k: number): BaselinePortfolio {
  const d = assertRewardSet(candidates, 'candidates');
  return fromWeights(candidates, uniformWeights(d, k));
}

/** Random baseline: k weights from Dirichlet(1, …, 1) with a seed. */
export function randomPortfolio(candidates: readonly (readonly number[])[], k: number, seed: number): BaselinePortfolio {
  const d = assertRewardSet(candidates, 'candidates');
  assertPositiveInt(k, 'k');
  const rng = seededRng(seed);
  return fromWeights(candidates, Array.from({ length: k }, () => dirichlet1(d, rng)));
}

/** Oracle: many independently drawn weights, each with its best candidate (estimates OPT). */
export function oraclePortfolio(candidates: readonly (readonly number[])[], draws: number, seed: number): BaselinePortfolio {
  return randomPortfolio(candidates, draws, seed);
}

function fromWeights(candidates: readonly (readonly number[])[], weights: number[][]): BaselinePortfolio {
  const d = candidates[0]?.length ?? 0;
  const idx = buildMaxIndex(pack(candidates, d));
  const out = newMaxResult();
  const picked = new Set<number>();
  for (const w of weights) picked.add(queryMax(idx, Float64Array.from(w), 0, out.position, out).index);
  return { weights, selected: [...picked].sort((a, b) => a - b) };
}

function l1(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return s;
}
