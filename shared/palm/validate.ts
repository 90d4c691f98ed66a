/**
 * Input checks shared by every PALM entry point. Errors are RangeErrors that name the bad
 * value and its position, because a silent NaN here becomes a wrong certificate later.
 */

const SUM_TOLERANCE = 1e-6;

/** Throws unless x is a finite number. */
export function assertFinite(x: number, what: string): void {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new RangeError(`${what} must be a finite number, got ${String(x)}`);
}

/** Throws unless w is a point of the simplex of dimension d (non-negative, sums to 1). */
export function assertWeights(w: readonly number[], d: number, what = 'weights'): void {
  if (w.length !== d) throw new RangeError(`${what} must have ${d} components, got ${w.length}`);
  let sum = 0;
  for (let i = 0; i < d; i++) {
    const x = w[i] ?? Number.NaN;
    assertFinite(x, `${what}[${i}]`);
    if (x < 0) throw new RangeError(`${what}[${i}] must be ≥ 0, got ${x}`);
    sum += x;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new RangeError(`${what} must sum to 1, got ${sum}`);
}

/** Throws unless r is a reward vector in [0, 1]^d. */
export function assertRewards(r: readonly number[], d: number, what = 'rewards'): void {
  if (r.length !== d) throw new RangeError(`${what} must have ${d} components, got ${r.length}`);
  for (let i = 0; i < d; i++) {
    const x = r[i] ?? Number.NaN;
    assertFinite(x, `${what}[${i}]`);
    if (x < 0 || x > 1) throw new RangeError(`${what}[${i}] must be in [0, 1], got ${x}`);
  }
}

/** Throws unless rows is a non-empty list of reward vectors of one dimension; returns d. */
export function assertRewardSet(rows: readonly (readonly number[])[], what = 'candidates', d?: number): number {
  if (!Array.isArray(rows) || rows.length === 0) throw new RangeError(`${what} must be a non-empty list of reward vectors`);
  const dim = d ?? rows[0]?.length ?? 0;
  if (dim < 1) throw new RangeError(`${what}[0] must have at least one component`);
  rows.forEach((r, i) => assertRewards(r, dim, `${what}[${i}]`));
  return dim;
}

/** Throws unless every row is a simplex point of dimension d. */
export function assertWeightSet(rows: readonly (readonly number[])[], d: number, what = 'points'): void {
  rows.forEach((w, i) => assertWeights(w, d, `${what}[${i}]`));
}

/** Throws unless stderr has the same shape as rows and holds finite non-negative numbers. */
export function assertStderr(se: readonly (readonly number[])[], n: number, d: number, what: string): void {
  if (se.length !== n) throw new RangeError(`${what} must have one row per vector (${n}), got ${se.length}`);
  se.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`${what}[${i}] must have ${d} components, got ${row.length}`);
    row.forEach((x, j) => {
      assertFinite(x, `${what}[${i}][${j}]`);
      if (x < 0) throw new RangeError(`${what}[${i}][${j}] must be ≥ 0, got ${x}`);
    });
  });
}

/** Throws unless x is a gap tolerance: ε in [0, 1), δ ≥ 0. */
export function assertTolerance(epsilon: number, delta: number): void {
  assertFinite(epsilon, 'ε');
  assertFinite(delta, 'δ');
  if (epsilon < 0 || epsilon >= 1) throw new RangeError(`ε must be in [0, 1), got ${epsilon}`);
  if (delta < 0) throw new RangeError(`δ must be ≥ 0, got ${delta}`);
}

/** Throws unless k is a positive integer. */
export function assertPositiveInt(k: number, what: string): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`${what} must be a positive integer, got ${k}`);
}
