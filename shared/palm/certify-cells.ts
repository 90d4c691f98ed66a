/**
 * A second, usually much tighter, upper bound for the lattice certificate, from convexity.
 *
 * Map the lattice point a (Σa = N) to y_i = a_1 + … + a_i (i < d): an affine bijection onto
 * {0 ≤ y_1 ≤ … ≤ y_{d−1} ≤ N}. That region is a union of Freudenthal cells
 * conv{b, b + e_π1, b + e_π1 + e_π2, …} (its facets lie on hyperplanes of the triangulation),
 * so every w lies in a cell with lattice vertices v_i, w = Σλ_i v_i. OPT is convex, so
 * OPT(w) ≤ Σλ_i OPT(v_i); M(w) ≥ w·m for every member m, and w·m = Σλ_i v_i·m. Hence
 *   OPT(w) − M(w) ≤ min_m max_i (OPT(v_i) − v_i·m)     (same with (1 − ε)·OPT for the paired δ)
 *   M(w)/OPT(w) ≥ max_m min_i v_i·m / OPT(v_i)        (mediant inequality, terms with OPT(v_i) = 0 drop out)
 * These bounds need no Lipschitz constant and are exact where one member wins a whole cell.
 */
export interface CellBounds {
  delta: number;
  epsilon: number;
  paired: number;
}

/**
 * opt[p]: OPT at lattice point p; values[p·k + j]: member j at p; indexOf(y key) → p.
 * Returns the worst cell bounds over all cells of the lattice of resolution N.
 */
export function cellBounds(
  d: number,
  resolution: number,
  opt: Float64Array,
  values: Float64Array,
  k: number,
  indexOf: Int32Array,
  pairedEpsilon: number,
): CellBounds {
  const dims = d - 1;
  const perms = permutations(dims);
  const radix = resolution + 1;
  const worst: CellBounds = { delta: 0, epsilon: 0, paired: 0 };
  const vertex = new Int32Array(d);
  const y = new Int32Array(dims);
  const b = new Int32Array(dims);
  const visitBase = (): void => {
    for (const perm of perms) {
      y.set(b);
      if (!cellVertices(y, perm, resolution, radix, indexOf, vertex)) continue;
      scoreCell(vertex, opt, values, k, pairedEpsilon, worst);
    }
  };
  // Bases b: non-decreasing with b_last ≤ N − 1 (b and b + (1, …, 1) are vertices).
  const fill = (i: number, from: number): void => {
    if (i === dims) return visitBase();
    for (let v = from; v <= resolution - 1; v++) {
      b[i] = v;
      fill(i + 1, v);
    }
  };
  fill(0, 0);
  return worst;
}

/** Walks b → b + e_π1 → …; false if a vertex leaves the ordered region. */
function cellVertices(y: Int32Array, perm: readonly number[], n: number, radix: number, indexOf: Int32Array, out: Int32Array): boolean {
  for (let t = 0; t <= perm.length; t++) {
    if (t > 0) {
      const axis = perm[t - 1] ?? 0;
      y[axis] = (y[axis] ?? 0) + 1;
    }
    let key = 0;
    for (let i = 0; i < y.length; i++) {
      const yi = y[i] ?? 0;
      if (yi > n || (i + 1 < y.length && yi > (y[i + 1] ?? 0))) return false;
      key = key * radix + yi;
    }
    const p = indexOf[key] ?? -1;
    if (p < 0) return false;
    out[t] = p;
  }
  return true;
}

function scoreCell(vertex: Int32Array, opt: Float64Array, values: Float64Array, k: number, eps: number, worst: CellBounds): void {
  let delta = Infinity;
  let paired = Infinity;
  let ratio = -Infinity;
  for (let j = 0; j < k; j++) {
    let dj = -Infinity;
    let pj = -Infinity;
    let rj = Infinity;
    for (const p of vertex) {
      const o = opt[p] ?? 0;
      const m = values[p * k + j] ?? 0;
      if (o - m > dj) dj = o - m;
      if ((1 - eps) * o - m > pj) pj = (1 - eps) * o - m;
      if (o > 0 && m / o < rj) rj = m / o;
    }
    if (dj < delta) delta = dj;
    if (pj < paired) paired = pj;
    if (rj > ratio) ratio = rj;
  }
  if (delta > worst.delta) worst.delta = delta;
  if (paired > worst.paired) worst.paired = paired;
  const e = ratio === Infinity ? 0 : 1 - ratio;
  if (e > worst.epsilon) worst.epsilon = e;
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}

/** Maps each lattice point to its y key (see above); −1 elsewhere. */
export function latticeIndex(points: Float64Array, d: number, resolution: number): Int32Array {
  const radix = resolution + 1;
  const index = new Int32Array(radix ** (d - 1)).fill(-1);
  const count = points.length / d;
  for (let p = 0; p < count; p++) {
    let acc = 0;
    let key = 0;
    for (let i = 0; i < d - 1; i++) {
      acc += Math.round((points[p * d + i] ?? 0) * resolution);
      key = key * radix + acc;
    }
    index[key] = p;
  }
  return index;
}
