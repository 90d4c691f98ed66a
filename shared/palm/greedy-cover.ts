import { clearRow, countAnd, fullSet, isEmpty, type BitRows } from './bitset';
import { instanceCoverSets, selectionInstance } from './instance';

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
  const inst = selectionInstance(candidates, points);
  const cover = greedyCoverSets(instanceCoverSets(inst, epsilon, delta));
  return { selected: cover.selected.map((i) => inst.front[i] ?? i), newlyCovered: cover.newlyCovered };
}

/**
 * Lazy greedy on bitsets: a set's count only shrinks as points get covered, so a stale count
 * is an upper bound and a set whose fresh count still tops the heap is the true argmax.
 */
export function greedyCoverSets(rows: BitRows, universe: Uint32Array = fullSet(rows.elements)): CoverResult {
  const uncovered = Uint32Array.from(universe);
  const heap = new MaxHeap();
  for (let s = 0; s < rows.sets; s++) {
    const c = countAnd(rows, s, uncovered);
    if (c > 0) heap.push(s, c);
  }
  const selected: number[] = [];
  const newlyCovered: number[] = [];
  while (!isEmpty(uncovered)) {
    const top = heap.pop();
    if (!top) throw new Error('greedy cover: some point is covered by no candidate');
    const fresh = countAnd(rows, top.id, uncovered);
    if (fresh === 0) continue;
    if (fresh < heap.peekKey()) {
      heap.push(top.id, fresh);
      continue;
    }
    selected.push(top.id);
    newlyCovered.push(fresh);
    clearRow(rows, top.id, uncovered);
  }
  return { selected, newlyCovered };
}

/** Binary max-heap of (id, key); ties go to the smaller id so results are deterministic. */
class MaxHeap {
  private ids: number[] = [];
  private keys: number[] = [];

  push(id: number, key: number): void {
    this.ids.push(id);
    this.keys.push(key);
    let i = this.ids.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.above(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekKey(): number {
    return this.keys[0] ?? -1;
  }

  pop(): { id: number; key: number } | undefined {
    const id = this.ids[0];
    const key = this.keys[0];
    if (id === undefined || key === undefined) return undefined;
    const lastId = this.ids.pop() ?? 0;
    const lastKey = this.keys.pop() ?? 0;
    if (this.ids.length > 0) {
      this.ids[0] = lastId;
      this.keys[0] = lastKey;
      this.sink(0);
    }
    return { id, key };
  }

  private sink(i: number): void {
    for (;;) {
      let top = i;
      for (const c of [2 * i + 1, 2 * i + 2]) if (c < this.ids.length && this.above(c, top)) top = c;
      if (top === i) return;
      this.swap(i, top);
      i = top;
    }
  }

  private above(a: number, b: number): boolean {
    const ka = this.keys[a] ?? 0;
    const kb = this.keys[b] ?? 0;
    return ka > kb || (ka === kb && (this.ids[a] ?? 0) < (this.ids[b] ?? 0));
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b] ?? 0, this.ids[a] ?? 0];
    [this.keys[a], this.keys[b]] = [this.keys[b] ?? 0, this.keys[a] ?? 0];
  }
}
