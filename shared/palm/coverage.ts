import { newBitRows, setBit, type BitRows } from './bitset';
import { kdOrder, leafBoxes } from './kd-order';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import type { Packed } from './packed';

/** OPT(w) at every point with a maximizing candidate (exact, pruned search). */
export function optimum(candidates: Packed, points: Packed): { value: Float64Array; index: Int32Array } {
  const idx = buildMaxIndex(candidates);
  const value = new Float64Array(points.rows);
  const index = new Int32Array(points.rows);
  const out = newMaxResult();
  // Visit points in k-d order so each query's hint (the previous maximizer) is a near neighbour.
  const kd = kdOrder(points, 64);
  let hint = 0;
  for (const p of kd.order) {
    queryMax(idx, points.data, p * points.dim, hint, out);
    value[p] = out.value;
    index[p] = out.index;
    hint = out.position;
  }
  return { value, index };
}

/** J_w(π) for every candidate (row) and point (column), candidate-major. */
export function valueMatrix(candidates: Packed, points: Packed): Float64Array {
  const { rows: n, dim: d } = candidates;
  const m = points.rows;
  const out = new Float64Array(n * m);
  for (let c = 0; c < n; c++)
    for (let p = 0; p < m; p++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += (candidates.data[c * d + j] ?? 0) * (points.data[p * d + j] ?? 0);
      out[c * m + p] = v;
    }
  return out;
}

/** Multiplicative (1 − v/OPT, 0 when OPT = 0) and additive (OPT − v) gaps, same layout. */
export function gapMatrices(values: Float64Array, opt: Float64Array): { multiplicative: Float64Array; additive: Float64Array } {
  const m = opt.length;
  const multiplicative = new Float64Array(values.length);
  const additive = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const o = opt[i % m] ?? 0;
    const v = values[i] ?? 0;
    additive[i] = o - v;
    multiplicative[i] = o > 0 ? 1 - v / o : 0;
  }
  return { multiplicative, additive };
}

/** Float tolerance of the covering test, shared with withinGap(). */
export const COVER_TOLERANCE = 1e-12;

/**
 * Which candidate covers which point: bit (c, p) is set when J_p(c) ≥ (1 − ε)·OPT(p) − δ.
 * Points are cut into k-d leaves; a leaf is skipped for a candidate when even the leaf box's
 * largest weights (w·c ≤ hi·c as c ≥ 0) cannot reach the leaf's smallest threshold.
 */
export function coverSets(candidates: Packed, points: Packed, opt: Float64Array, epsilon: number, delta: number): BitRows {
  const { rows: n, dim: d } = candidates;
  const rows = newBitRows(n, points.rows);
  const kd = kdOrder(points, 32);
  const { hi } = leafBoxes(points, kd);
  const leaves = kd.starts.length - 1;
  const need = new Float64Array(points.rows);
  for (let p = 0; p < points.rows; p++) need[p] = (1 - epsilon) * (opt[p] ?? 0) - delta - COVER_TOLERANCE;
  const leafNeed = new Float64Array(leaves).fill(Infinity);
  for (let b = 0; b < leaves; b++)
    for (let i = kd.starts[b] ?? 0; i < (kd.starts[b + 1] ?? 0); i++) leafNeed[b] = Math.min(leafNeed[b] ?? 0, need[kd.order[i] ?? 0] ?? 0);
  const pd = points.data;
  for (let c = 0; c < n; c++) {
    const co = c * d;
    for (let b = 0; b < leaves; b++) {
      let bound = 0;
      for (let j = 0; j < d; j++) bound += (hi[b * d + j] ?? 0) * (candidates.data[co + j] ?? 0);
      if (bound < (leafNeed[b] ?? 0)) continue;
      for (let i = kd.starts[b] ?? 0; i < (kd.starts[b + 1] ?? 0); i++) {
        const p = kd.order[i] ?? 0;
        let v = 0;
        for (let j = 0; j < d; j++) v += (candidates.data[co + j] ?? 0) * (pd[p * d + j] ?? 0);
        if (v >= (need[p] ?? 0)) setBit(rows, c, p);
      }
    }
  }
  return rows;
}
