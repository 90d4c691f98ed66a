import { newBitRows, setBit, type BitRows } from './bitset';
import { kdOrder, leafBoxes } from './kd-order';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import type { Packed } from './packed';

/** OPT(w) at every point with a maximizing candidate (exact, pruned search). */
export function optimum(candidates: Packed, points: Packed, isFront = false): { value: Float64Array; index: Int32Array } {
  const idx = buildMaxIndex(candidates, { isFront });
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
  const leaves = leafStats(points, kd, opt, epsilon, delta);
  const cd = candidates.data;
  const pd = points.data;
  for (let c = 0; c < n; c++) {
    const co = c * d;
    let cMax = -Infinity;
    let cMin = Infinity;
    for (let j = 0; j < d; j++) {
      cMax = Math.max(cMax, cd[co + j] as number);
      cMin = Math.min(cMin, cd[co + j] as number);
    }
    for (let b = 0; b < leaves.count; b++) {
      // w = lo + s with s ≥ 0, s ≤ hi − lo and Σs = 1 − Σlo bounds w·c on both sides.
      let loDot = 0;
      let span = 0;
      for (let j = 0; j < d; j++) {
        loDot += (leaves.lo[b * d + j] as number) * (cd[co + j] as number);
        span += ((leaves.hi[b * d + j] as number) - (leaves.lo[b * d + j] as number)) * (cd[co + j] as number);
      }
      const slack = leaves.slack[b] as number;
      if (loDot + Math.min(span, slack * cMax) < (leaves.minNeed[b] as number)) continue;
      const all = loDot + slack * cMin >= (leaves.maxNeed[b] as number);
      for (let i = kd.starts[b] as number; i < (kd.starts[b + 1] as number); i++) {
        const p = kd.order[i] as number;
        if (!all) {
          let v = 0;
          for (let j = 0; j < d; j++) v += (cd[co + j] as number) * (pd[p * d + j] as number);
          if (v < (leaves.need[p] as number)) continue;
        }
        setBit(rows, c, p);
      }
    }
  }
  return rows;
}

/** Per point-leaf box, the simplex slack 1 − Σlo, and the range of covering thresholds. */
function leafStats(points: Packed, kd: ReturnType<typeof kdOrder>, opt: Float64Array, epsilon: number, delta: number) {
  const { lo, hi } = leafBoxes(points, kd);
  const count = kd.starts.length - 1;
  const need = new Float64Array(points.rows);
  for (let p = 0; p < points.rows; p++) need[p] = (1 - epsilon) * (opt[p] ?? 0) - delta - COVER_TOLERANCE;
  const minNeed = new Float64Array(count).fill(Infinity);
  const maxNeed = new Float64Array(count).fill(-Infinity);
  const slack = new Float64Array(count);
  for (let b = 0; b < count; b++) {
    for (let i = kd.starts[b] ?? 0; i < (kd.starts[b + 1] ?? 0); i++) {
      const x = need[kd.order[i] ?? 0] ?? 0;
      minNeed[b] = Math.min(minNeed[b] ?? 0, x);
      maxNeed[b] = Math.max(maxNeed[b] ?? 0, x);
    }
    let sum = 0;
    for (let j = 0; j < points.dim; j++) sum += lo[b * points.dim + j] ?? 0;
    slack[b] = Math.max(0, 1 - sum);
  }
  return { count, lo, hi, need, minNeed, maxNeed, slack };
}
