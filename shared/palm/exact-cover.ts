import { countBits, fullSet, popcount, type BitRows } from './bitset';
import { lagrangianBound } from './cover-bound';
import { reduceCover, type ReducedCover } from './cover-reduce';
import { greedyCoverSets } from './greedy-cover';

export interface ExactCoverResult {
  /** Original set ids of a minimum cover (or the best found, see `optimal`). */
  selected: number[];
  /** True when the search finished: no smaller cover exists. */
  optimal: boolean;
  /** Branch-and-bound nodes explored. */
  nodes: number;
  /** Proven lower bound on the minimum cover size (equals selected.length when optimal). */
  lowerBound: number;
}

export interface ExactCoverOptions {
  /** Only look for covers of at most this many sets (decision mode for budget search). */
  maxSize?: number;
  /** Give up after this many search nodes and return the best cover found. */
  nodeLimit?: number;
}

/**
 * Minimum set cover by branch and bound after reductions (cover-reduce.ts). Branches on the
 * uncovered element with the fewest covering sets, excluding earlier siblings' sets; the lower
 * bound is the larger of a packing of elements that share no set (each needs its own set) and
 * ⌈uncovered / largest set⌉. Starts from the greedy cover as the incumbent.
 * Returns selected = [] with optimal = true when maxSize is given and no such cover exists.
 */
export function exactCoverSets(rows: BitRows, options: ExactCoverOptions = {}): ExactCoverResult {
  const universe = fullSet(rows.elements);
  const greedy = greedyCoverSets(rows, universe).selected;
  const limit = options.maxSize ?? Infinity;
  const red = reduceCover(rows, universe);
  const search = new Search(red, options.nodeLimit ?? 500_000);
  const incumbent = greedy.length <= limit ? greedy.length - red.forced.length : limit + 1 - red.forced.length;
  const found = search.run(incumbent);
  const selected = found ? [...red.forced, ...found.map((i) => red.setIds[i] ?? 0)] : greedy.length <= limit ? greedy : [];
  // An unfinished search is still optimal when the Lagrangian bound meets what it found.
  const target = selected.length > 0 ? selected.length : limit + 1;
  const bound = search.exhausted ? red.forced.length + Math.ceil(lagrangianBound(red, target - red.forced.length) - 1e-9) : target;
  const optimal = bound >= target;
  return { selected: selected.sort((a, b) => a - b), optimal, nodes: search.nodes, lowerBound: Math.min(bound, target) };
}

class Search {
  nodes = 0;
  exhausted = false;
  private best: number[] | null = null;
  private bestSize = 0;
  /** For each set (reduced index), its elements. */
  private readonly setElements: Uint32Array[];
  private readonly elementWords: number;
  /** Elements by how few sets cover them: the packing bound picks the most constrained first. */
  private readonly elementOrder: number[];

  constructor(
    private readonly red: ReducedCover,
    private readonly nodeLimit: number,
  ) {
    this.elementWords = Math.ceil(red.elements.length / 32) || 1;
    this.setElements = red.setIds.map(() => new Uint32Array(this.elementWords));
    this.elementOrder = red.elements.map((m, e) => ({ e, n: countBits(m) })).sort((a, b) => a.n - b.n).map((x) => x.e);
    red.elements.forEach((m, e) =>
      this.setElements.forEach((row, s) => {
        if (bit(m, s)) row[e >>> 5] = (row[e >>> 5] ?? 0) | (1 << (e & 31));
      }),
    );
  }

  /** Best cover strictly smaller than `incumbentSize`, or null. */
  run(incumbentSize: number): number[] | null {
    this.bestSize = incumbentSize;
    const uncovered = fullSet(this.red.elements.length);
    if (this.red.elements.length === 0) return this.bestSize > 0 ? [] : null;
    this.visit(uncovered, [], new Uint32Array(Math.ceil(this.red.setIds.length / 32) || 1));
    return this.best;
  }

  private visit(uncovered: Uint32Array, chosen: number[], excluded: Uint32Array): void {
    if (++this.nodes > this.nodeLimit) {
      this.exhausted = true;
      return;
    }
    if (countBits(uncovered) === 0) {
      if (chosen.length < this.bestSize) {
        this.bestSize = chosen.length;
        this.best = [...chosen];
      }
      return;
    }
    if (chosen.length + this.lowerBound(uncovered, excluded) >= this.bestSize) return;
    const branch = this.branchElement(uncovered, excluded);
    if (branch < 0) return;
    const options = this.available(branch, excluded).sort(
      (a, b) => this.gain(b, uncovered) - this.gain(a, uncovered) || a - b,
    );
    const localExcluded = Uint32Array.from(excluded);
    for (const s of options) {
      const next = Uint32Array.from(uncovered);
      const row = this.setElements[s] ?? new Uint32Array();
      for (let i = 0; i < next.length; i++) next[i] = (next[i] ?? 0) & ~(row[i] ?? 0);
      chosen.push(s);
      this.visit(next, chosen, localExcluded);
      chosen.pop();
      if (this.exhausted) return;
      localExcluded[s >>> 5] = (localExcluded[s >>> 5] ?? 0) | (1 << (s & 31));
    }
  }

  private available(e: number, excluded: Uint32Array): number[] {
    const m = this.red.elements[e] ?? new Uint32Array();
    const out: number[] = [];
    for (let s = 0; s < this.red.setIds.length; s++) if (bit(m, s) && !bit(excluded, s)) out.push(s);
    return out;
  }

  private availableCount(e: number, excluded: Uint32Array): number {
    const m = this.red.elements[e] ?? new Uint32Array();
    let c = 0;
    for (let i = 0; i < m.length; i++) c += popcount((m[i] ?? 0) & ~(excluded[i] ?? 0));
    return c;
  }

  private gain(s: number, uncovered: Uint32Array): number {
    const row = this.setElements[s] ?? new Uint32Array();
    let c = 0;
    for (let i = 0; i < row.length; i++) c += popcount((row[i] ?? 0) & (uncovered[i] ?? 0));
    return c;
  }

  /** Uncovered element with the fewest available sets (−1 if one has none: dead end). */
  private branchElement(uncovered: Uint32Array, excluded: Uint32Array): number {
    let best = -1;
    let fewest = Infinity;
    for (let e = 0; e < this.red.elements.length; e++) {
      if (!bit(uncovered, e)) continue;
      const n = this.availableCount(e, excluded);
      if (n === 0) return -1;
      if (n < fewest) {
        fewest = n;
        best = e;
      }
    }
    return best;
  }

  private lowerBound(uncovered: Uint32Array, excluded: Uint32Array): number {
    const used = new Uint32Array(excluded.length);
    let packing = 0;
    let largest = 1;
    for (let s = 0; s < this.red.setIds.length; s++) if (!bit(excluded, s)) largest = Math.max(largest, this.gain(s, uncovered));
    if (Math.ceil(countBits(uncovered) / largest) >= this.bestSize) return this.bestSize;
    for (const e of this.elementOrder) {
      if (!bit(uncovered, e)) continue;
      const m = this.red.elements[e] ?? new Uint32Array();
      let disjoint = true;
      for (let i = 0; i < m.length; i++) if (((m[i] ?? 0) & ~(excluded[i] ?? 0) & (used[i] ?? 0)) !== 0) disjoint = false;
      if (!disjoint) continue;
      packing++;
      for (let i = 0; i < m.length; i++) used[i] = (used[i] ?? 0) | ((m[i] ?? 0) & ~(excluded[i] ?? 0));
    }
    return Math.max(packing, Math.ceil(countBits(uncovered) / largest));
  }
}

function bit(mask: Uint32Array, i: number): boolean {
  return (((mask[i >>> 5] ?? 0) >>> (i & 31)) & 1) === 1;
}
