import type { Packed } from './packed';

/**
 * Indices of the Pareto-optimal rows (no other row is ≥ in every component), first copy of
 * duplicates kept. A dominated candidate is never better than its dominator at any weight,
 * so it covers a subset of what the dominator covers and can be dropped before selection.
 */
export function paretoFront(p: Packed): number[] {
  const { data, dim, rows } = p;
  const sums = new Float64Array(rows);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) sums[r] = (sums[r] ?? 0) + (data[r * dim + j] ?? 0);
  // A row can only be dominated by one with a sum at least as large: check those, kept ones only.
  const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => (sums[b] ?? 0) - (sums[a] ?? 0) || a - b);
  const kept: number[] = [];
  for (const r of order) {
    let dominated = false;
    for (const f of kept) {
      let all = true;
      for (let j = 0; j < dim; j++)
        if ((data[f * dim + j] ?? 0) < (data[r * dim + j] ?? 0)) {
          all = false;
          break;
        }
      if (all) {
        dominated = true;
        break;
      }
    }
    if (!dominated) kept.push(r);
  }
  return kept.sort((a, b) => a - b);
}

/** The rows at the given indices, packed. */
export function subset(p: Packed, indices: readonly number[]): Packed {
  const data = new Float64Array(indices.length * p.dim);
  indices.forEach((r, i) => data.set(p.data.subarray(r * p.dim, (r + 1) * p.dim), i * p.dim));
  return { data, rows: indices.length, dim: p.dim };
}
