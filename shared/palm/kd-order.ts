import type { Packed } from './packed';

/** A permutation of the rows that puts nearby vectors next to each other, cut into leaves. */
export interface KdOrder {
  /** order[i] is the original row at sorted position i. */
  order: Int32Array;
  /** Leaf b holds sorted positions starts[b] .. starts[b + 1] − 1. */
  starts: Int32Array;
}

/**
 * k-d partition: split on the coordinate of widest range at the median until leaves hold at
 * most `leaf` rows. Leaves are then tight boxes, which is what makes box bounds prune well.
 */
export function kdOrder(p: Packed, leaf: number): KdOrder {
  const order = new Int32Array(p.rows);
  for (let i = 0; i < p.rows; i++) order[i] = i;
  const starts: number[] = [];
  const split = (lo: number, hi: number): void => {
    if (hi - lo <= leaf) {
      starts.push(lo);
      return;
    }
    const axis = widestAxis(p, order, lo, hi);
    const slice = Array.from(order.subarray(lo, hi)).sort((a, b) => (p.data[a * p.dim + axis] ?? 0) - (p.data[b * p.dim + axis] ?? 0));
    order.set(slice, lo);
    const mid = (lo + hi) >>> 1;
    split(lo, mid);
    split(mid, hi);
  };
  if (p.rows > 0) split(0, p.rows);
  starts.push(p.rows);
  return { order, starts: Int32Array.from(starts) };
}

function widestAxis(p: Packed, order: Int32Array, lo: number, hi: number): number {
  let axis = 0;
  let widest = -1;
  for (let j = 0; j < p.dim; j++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = lo; i < hi; i++) {
      const x = p.data[(order[i] ?? 0) * p.dim + j] ?? 0;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (max - min > widest) {
      widest = max - min;
      axis = j;
    }
  }
  return axis;
}

/** Per-leaf coordinate-wise minimum and maximum, packed leaf-major (dim numbers per leaf). */
export function leafBoxes(p: Packed, kd: KdOrder): { lo: Float64Array; hi: Float64Array } {
  const leaves = kd.starts.length - 1;
  const lo = new Float64Array(leaves * p.dim).fill(Infinity);
  const hi = new Float64Array(leaves * p.dim).fill(-Infinity);
  for (let b = 0; b < leaves; b++)
    for (let i = kd.starts[b] ?? 0; i < (kd.starts[b + 1] ?? 0); i++) {
      const o = (kd.order[i] ?? 0) * p.dim;
      for (let j = 0; j < p.dim; j++) {
        const x = p.data[o + j] ?? 0;
        if (x < (lo[b * p.dim + j] ?? 0)) lo[b * p.dim + j] = x;
        if (x > (hi[b * p.dim + j] ?? 0)) hi[b * p.dim + j] = x;
      }
    }
  return { lo, hi };
}
