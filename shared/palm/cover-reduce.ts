import { countBits, fullSet, hasBit, isEmpty, type BitRows } from './bitset';

/** A set-cover instance after the classic reductions, in the transposed form search needs. */
export interface ReducedCover {
  /** Original ids of the sets still in play. */
  setIds: number[];
  /** Sets every cover must contain (original ids). */
  forced: number[];
  /** For each remaining element, the mask of remaining sets (indices into setIds) covering it. */
  elements: Uint32Array[];
}

/**
 * Applies until stable: an element covered by one set forces that set; an element whose
 * covering sets include all those of another element is implied by it and dropped; a set
 * whose remaining elements are a subset of another set's is dropped (ties keep the first).
 * Each step preserves the minimum cover size.
 */
export function reduceCover(rows: BitRows, universe: Uint32Array = fullSet(rows.elements)): ReducedCover {
  let setIds = Array.from({ length: rows.sets }, (_, s) => s);
  let live = Array.from({ length: rows.elements }, (_, e) => e).filter((e) => hasBit1(universe, e));
  const forced: number[] = [];
  for (;;) {
    const masks = live.map((e) => maskOfSets(rows, setIds, e));
    const bare = masks.findIndex((m) => isEmpty(m));
    if (bare >= 0) throw new Error(`set cover: element ${live[bare]} is covered by no set`);
    const single = masks.findIndex((m) => countBits(m) === 1);
    if (single >= 0) {
      const s = setIds[firstBit(masks[single] ?? new Uint32Array())] ?? 0;
      forced.push(s);
      live = live.filter((e) => !hasBit(rows, s, e));
      setIds = setIds.filter((x) => x !== s);
      continue;
    }
    const keptElements = dropImpliedElements(masks);
    const keptSets = dropDominatedSets(keptElements.map((i) => masks[i] ?? new Uint32Array()), setIds.length);
    if (keptElements.length === live.length && keptSets.length === setIds.length) {
      return { setIds, forced, elements: keptElements.map((i) => masks[i] ?? new Uint32Array()) };
    }
    live = keptElements.map((i) => live[i] ?? 0);
    setIds = keptSets.map((i) => setIds[i] ?? 0);
  }
}

function hasBit1(mask: Uint32Array, e: number): boolean {
  return (((mask[e >>> 5] ?? 0) >>> (e & 31)) & 1) === 1;
}

function firstBit(mask: Uint32Array): number {
  for (let i = 0; i < mask.length; i++) {
    const w = mask[i] ?? 0;
    if (w !== 0) return i * 32 + (31 - Math.clz32(w & -w));
  }
  return -1;
}

function maskOfSets(rows: BitRows, setIds: readonly number[], e: number): Uint32Array {
  const m = new Uint32Array(Math.ceil(setIds.length / 32) || 1);
  setIds.forEach((s, i) => {
    if (hasBit(rows, s, e)) m[i >>> 5] = (m[i >>> 5] ?? 0) | (1 << (i & 31));
  });
  return m;
}

function isSubset(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length; i++) if (((a[i] ?? 0) & ~(b[i] ?? 0)) !== 0) return false;
  return true;
}

/** Element e is implied when some kept element's covering sets are a subset of e's. */
function dropImpliedElements(masks: readonly Uint32Array[]): number[] {
  const byCount = masks.map((m, i) => ({ i, n: countBits(m) })).sort((a, b) => a.n - b.n || a.i - b.i);
  const kept: number[] = [];
  for (const { i } of byCount) {
    const m = masks[i] ?? new Uint32Array();
    if (!kept.some((k) => isSubset(masks[k] ?? new Uint32Array(), m))) kept.push(i);
  }
  return kept.sort((a, b) => a - b);
}

/** Set s is dominated when another set covers all of its remaining elements. */
function dropDominatedSets(elementMasks: readonly Uint32Array[], sets: number): number[] {
  const words = Math.ceil(elementMasks.length / 32) || 1;
  const cover = Array.from({ length: sets }, () => new Uint32Array(words));
  elementMasks.forEach((m, e) => {
    for (let s = 0; s < sets; s++) {
      const row = cover[s];
      if (row && hasBit1(m, s)) row[e >>> 5] = (row[e >>> 5] ?? 0) | (1 << (e & 31));
    }
  });
  const kept: number[] = [];
  for (let s = 0; s < sets; s++) {
    const mine = cover[s] ?? new Uint32Array(words);
    const dominated = cover.some((other, t) => t !== s && isSubset(mine, other) && (!isSubset(other, mine) || t < s));
    if (!dominated) kept.push(s);
  }
  return kept;
}
