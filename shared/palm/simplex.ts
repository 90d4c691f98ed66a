/**
 * The regular lattice {a/N : a ∈ ℕ^d, Σa = N} on the simplex, its size and its covering
 * radius, used by certification for d ≥ 3.
 */

/** Number of lattice points: C(N + d − 1, d − 1). */
export function latticeSize(d: number, resolution: number): number {
  let size = 1;
  for (let i = 1; i < d; i++) size = (size * (resolution + i)) / i;
  return Math.round(size);
}

/**
 * Covering radius ρ in total-variation distance ½‖w − v‖₁: every simplex point w lies within ρ
 * of some lattice point. Proof: write N·w = ⌊N·w⌋ + f with fractional parts f_i; their sum r
 * is an integer in [0, d − 1]. Round up the r coordinates with the largest f_i and round down
 * the rest: the result v is a lattice point, and ½‖w − v‖₁ = (1/N)·Σ_{rounded down} f_i. The
 * d − r smallest of d numbers summing to r sum to at most r(d − r)/d, maximal at r = ⌊d/2⌋,
 * so ρ = ⌊d/2⌋·⌈d/2⌉ / (d·N). (d = 2 gives 1/(2N), the half-spacing, as expected.)
 */
export function latticeCoveringRadius(d: number, resolution: number): number {
  return (Math.floor(d / 2) * Math.ceil(d / 2)) / (d * resolution);
}

/** Largest resolution N whose lattice has at most maxPoints points (at least 1). */
export function resolutionForBudget(d: number, maxPoints: number): number {
  let n = 1;
  while (latticeSize(d, n + 1) <= maxPoints) n++;
  return n;
}

/** All lattice points, packed row-major (d numbers per point). */
export function simplexLattice(d: number, resolution: number): Float64Array {
  const out = new Float64Array(latticeSize(d, resolution) * d);
  const counts = new Array<number>(d).fill(0);
  let at = 0;
  const fill = (j: number, left: number): void => {
    if (j === d - 1) {
      counts[j] = left;
      for (let i = 0; i < d; i++) out[at++] = (counts[i] ?? 0) / resolution;
      return;
    }
    for (let a = left; a >= 0; a--) {
      counts[j] = a;
      fill(j + 1, left - a);
    }
  };
  fill(0, resolution);
  return out;
}

/** Lattice points as arrays (convenient for small resolutions). */
export function simplexLatticePoints(d: number, resolution: number): number[][] {
  const flat = simplexLattice(d, resolution);
  const points: number[][] = [];
  for (let o = 0; o < flat.length; o += d) points.push(Array.from(flat.subarray(o, o + d)));
  return points;
}
