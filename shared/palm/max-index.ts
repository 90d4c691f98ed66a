import { kdOrder, leafBoxes } from './kd-order';
import type { Packed } from './packed';
import { paretoFront, subset } from './pareto';

/**
 * Exact maximum inner product search over reward vectors: rows sorted into k-d leaves, each
 * with its coordinate-wise maximum. Since weights are non-negative, w·hi bounds every row of a
 * leaf: the leaf with the largest bound is scanned first, then only leaves that can still win.
 */
export interface MaxIndex {
  dim: number;
  /** Rows in leaf order. */
  sorted: Float64Array;
  /** Original row index of each sorted row. */
  order: Int32Array;
  starts: Int32Array;
  /** Coordinate-wise maximum of each leaf, and of each group of GROUP consecutive leaves. */
  hi: Float64Array;
  groupHi: Float64Array;
  /** Scratch for one query's group bounds (queries are synchronous, so one buffer suffices). */
  bounds: Float64Array;
}

/** Leaves per group: consecutive k-d leaves are neighbours, so a group is a tight box too. */
const GROUP = 8;

/**
 * Dominated rows never attain the maximum (weights are non-negative), so only the Pareto front
 * is indexed; reported indices are still rows of p.
 */
export function buildMaxIndex(all: Packed, options: { leaf?: number; isFront?: boolean } = {}): MaxIndex {
  const leaf = options.leaf ?? 8;
  const front = options.isFront ? Array.from({ length: all.rows }, (_, i) => i) : paretoFront(all);
  const p = subset(all, front);
  const kd = kdOrder(p, leaf);
  const sorted = new Float64Array(p.data.length);
  kd.order.forEach((r, i) => sorted.set(p.data.subarray(r * p.dim, (r + 1) * p.dim), i * p.dim));
  const order = kd.order.map((r) => front[r] ?? r);
  const hi = leafBoxes(p, kd).hi;
  const leaves = kd.starts.length - 1;
  const groups = Math.ceil(leaves / GROUP);
  const groupHi = new Float64Array(groups * p.dim).fill(-Infinity);
  for (let b = 0; b < leaves; b++)
    for (let j = 0; j < p.dim; j++) {
      const g = Math.floor(b / GROUP) * p.dim + j;
      groupHi[g] = Math.max(groupHi[g] ?? -Infinity, hi[b * p.dim + j] ?? -Infinity);
    }
  return { dim: p.dim, sorted, order, starts: kd.starts, hi, groupHi, bounds: new Float64Array(groups) };
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
  return { index: -1, value: -Infinity, position: -1 };
}

/** max_rows w·row for w at ws[offset ..]; `hint` (a sorted position, or −1) warms the bound. */
export function queryMax(idx: MaxIndex, ws: Float64Array, offset: number, hint: number, out: MaxResult): MaxResult {
  const { dim, sorted, groupHi, bounds } = idx;
  const groups = bounds.length;
  let top = 0;
  for (let g = 0; g < groups; g++) {
    const v = dot(groupHi, g * dim, ws, offset, dim);
    bounds[g] = v;
    if (v > (bounds[top] as number)) top = g;
  }
  scan.best = -Infinity;
  scan.position = 0;
  if (hint >= 0 && hint < sorted.length / dim) {
    scan.best = dot(sorted, hint * dim, ws, offset, dim);
    scan.position = hint;
  }
  // The most promising group first gives a strong bound that prunes most other groups.
  if ((bounds[top] as number) > scan.best) scanGroup(idx, top, ws, offset);
  for (let g = 0; g < groups; g++) if (g !== top && (bounds[g] as number) > scan.best) scanGroup(idx, g, ws, offset);
  out.index = idx.order[scan.position] ?? -1;
  out.value = scan.best;
  out.position = scan.position;
  return out;
}

function scanGroup(idx: MaxIndex, g: number, ws: Float64Array, offset: number): void {
  const last = Math.min((g + 1) * GROUP, idx.starts.length - 1);
  for (let b = g * GROUP; b < last; b++) if (dot(idx.hi, b * idx.dim, ws, offset, idx.dim) > scan.best) scanLeaf(idx, b, ws, offset);
}

/** Running maximum of the current query (module scratch: no allocation per query). */
const scan = { best: -Infinity, position: 0 };

function scanLeaf(idx: MaxIndex, b: number, ws: Float64Array, offset: number): void {
  const { dim, sorted, starts } = idx;
  const end = starts[b + 1] as number;
  for (let i = starts[b] as number; i < end; i++) {
    const v = dot(sorted, i * dim, ws, offset, dim);
    if (v > scan.best) {
      scan.best = v;
      scan.position = i;
    }
  }
}

function dot(a: Float64Array, ao: number, w: Float64Array, wo: number, dim: number): number {
  let v = 0;
  for (let j = 0; j < dim; j++) v += (a[ao + j] as number) * (w[wo + j] as number);
  return v;
}
