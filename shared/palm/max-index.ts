import { kdOrder, leafBoxes } from './kd-order';
import type { Packed } from './packed';

/**
 * Exact maximum inner product search over reward vectors: rows sorted into k-d leaves, each
 * with its coordinate-wise maximum. Since weights are non-negative, w·hi bounds every row of a
 * leaf, so a leaf whose bound does not beat the best so far is skipped.
 */
export interface MaxIndex {
  dim: number;
  /** Rows in leaf order. */
  sorted: Float64Array;
  /** Original row index of each sorted row. */
  order: Int32Array;
  starts: Int32Array;
  hi: Float64Array;
}

export function buildMaxIndex(p: Packed, leaf = 16): MaxIndex {
  const kd = kdOrder(p, leaf);
  const sorted = new Float64Array(p.data.length);
  kd.order.forEach((r, i) => sorted.set(p.data.subarray(r * p.dim, (r + 1) * p.dim), i * p.dim));
  return { dim: p.dim, sorted, order: kd.order, starts: kd.starts, hi: leafBoxes(p, kd).hi };
}

/** Result slot reused across queries so that the hot path allocates nothing. */
export interface MaxResult {
  /** Original row index of a maximizer. */
  index: number;
  value: number;
  /** Sorted position of the maximizer: pass it back as a hint for a nearby query. */
  position: number;
}

export function newMaxResult(): MaxResult {
  return { index: -1, value: -Infinity, position: 0 };
}

/** max_rows w·row for w at ws[offset ..]; `hint` (a sorted position) warms the bound. */
export function queryMax(idx: MaxIndex, ws: ArrayLike<number>, offset: number, hint: number, out: MaxResult): MaxResult {
  const { dim, sorted, starts, hi } = idx;
  const rows = sorted.length / dim;
  let bestPos = hint >= 0 && hint < rows ? hint : 0;
  let best = dot(sorted, bestPos * dim, ws, offset, dim);
  const leaves = starts.length - 1;
  for (let b = 0; b < leaves; b++) {
    if (dot(hi, b * dim, ws, offset, dim) <= best) continue;
    const end = starts[b + 1] ?? 0;
    for (let i = starts[b] ?? 0; i < end; i++) {
      const v = dot(sorted, i * dim, ws, offset, dim);
      if (v > best) {
        best = v;
        bestPos = i;
      }
    }
  }
  out.index = idx.order[bestPos] ?? -1;
  out.value = best;
  out.position = bestPos;
  return out;
}

function dot(a: Float64Array, ao: number, w: ArrayLike<number>, wo: number, dim: number): number {
  let v = 0;
  for (let j = 0; j < dim; j++) v += (a[ao + j] ?? 0) * (w[wo + j] ?? 0);
  return v;
}
