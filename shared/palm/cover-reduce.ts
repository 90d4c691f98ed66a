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
    const masks = uniqueMasks(live.map((e) => maskOfSets(rows, setIds, e)));
    if (masks.some((m) => isEmpty(m))) throw new Error('set cover: some element is covered by no set');
    const sole = new Set(masks.filter((m) => countBits(m) === 1).map((m) => setIds[firstBit(m)] ?? 0));
    if (sole.size > 0) {
      forced.push(...sole);
      live = live.filter((e) => ![...sole].some((s) => hasBit(rows, s, e)));
      setIds = setIds.filter((x) => !sole.has(x));
      continue;
    }
    const keptElements = dropImpliedElements(masks);
    const elementMasks = keptElements.map((i) => masks[i] ?? new Uint32Array());
    const keptSets = dropDominatedSets(elementMasks, setIds.length);
    if (keptSets.length === setIds.length) return { setIds, forced, elements: elementMasks };
    // Dropping sets changes the masks' layout: rebuild them next round (implied elements stay
    // implied, and every element keeps a covering set because only dominated sets go).
    setIds = keptSets.map((i) => setIds[i] ?? 0);
  }
}

/** Identical covering masks are one constraint: keep one copy of each. */
function uniqueMasks(masks: Uint32Array[]): Uint32Array[] {
  const seen = new Map<string, Uint32Array>();
  for (const m of masks) seen.set(m.join(','), m);
  return [...seen.values()];
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
