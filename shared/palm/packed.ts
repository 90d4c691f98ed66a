/** Row-major packing of vectors into one Float64Array: the hot loops read typed arrays only. */
export interface Packed {
  data: Float64Array;
  rows: number;
  dim: number;
}

/** Packs rows of equal length d. */
export function pack(rows: readonly (readonly number[])[], dim: number): Packed {
  const data = new Float64Array(rows.length * dim);
  rows.forEach((r, i) => {
    for (let j = 0; j < dim; j++) data[i * dim + j] = r[j] ?? 0;
  });
  return { data, rows: rows.length, dim };
}

/** Row i as a plain array (for reporting). */
export function row(p: Packed, i: number): number[] {
  return Array.from(p.data.subarray(i * p.dim, (i + 1) * p.dim));
}

/** Concatenates packed sets of the same dimension. */
export function concat(a: Packed, b: Packed): Packed {
  const data = new Float64Array(a.data.length + b.data.length);
  data.set(a.data, 0);
  data.set(b.data, a.data.length);
  return { data, rows: a.rows + b.rows, dim: a.dim };
}

/** max over rows of w · row, with the row index; w is read from ws at offset. */
export function maxDot(p: Packed, ws: Float64Array, offset: number): { index: number; value: number } {
  const { data, rows, dim } = p;
  let best = -Infinity;
  let index = -1;
  for (let r = 0, o = 0; r < rows; r++, o += dim) {
    let v = 0;
    for (let j = 0; j < dim; j++) v += (ws[offset + j] ?? 0) * (data[o + j] ?? 0);
    if (v > best) {
      best = v;
      index = r;
    }
  }
  return { index, value: best };
}
