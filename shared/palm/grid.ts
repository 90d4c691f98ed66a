/**
 * PALM's geometric grid of weight vectors (DESIGN §3).
 * V = {0} ∪ {α(1+µ)^k < 1} ∪ {1}; for each trait j fix w_j = 1, combine the others from V,
 * normalize to sum 1 and deduplicate.
 */
/** Coordinate values V = {0} ∪ {α(1+µ)^k < 1} ∪ {1}, increasing. */
export function gridCoordinateValues(mu: number, alpha: number): number[] {
  assertGridParams(mu, alpha);
  const steps = Math.ceil(Math.log(1 / alpha) / Math.log1p(mu));
  if (steps > 100_000) throw new RangeError(`µ=${mu} with α=${alpha} gives ${steps} coordinate values: raise µ`);
  const values = [0];
  for (let v = alpha; v < 1; v *= 1 + mu) values.push(v);
  values.push(1);
  return values;
}

/** Largest grid we enumerate before deduplication: d·|V|^(d−1) combinations. */
const MAX_COMBINATIONS = 2_000_000;

/** The grid's distinct weight vectors (points of the simplex). */
export function geometricGrid(d: number, mu: number, alpha: number): number[][] {
  if (!Number.isInteger(d) || d < 2) throw new RangeError(`grid dimension d must be an integer ≥ 2, got ${d}`);
  const values = gridCoordinateValues(mu, alpha);
  const total = d * values.length ** (d - 1);
  if (total > MAX_COMBINATIONS)
    throw new RangeError(`grid for d=${d}, µ=${mu}, α=${alpha} has ${total} combinations (limit ${MAX_COMBINATIONS}): raise µ or α`);
  const seen = new Map<string, number[]>();
  for (let j = 0; j < d; j++) {
    for (const rest of combinations(values, d - 1)) {
      const raw = [...rest.slice(0, j), 1, ...rest.slice(j)];
      const sum = raw.reduce((a, b) => a + b, 0);
      const point = raw.map((x) => x / sum);
      seen.set(pointKey(point), point);
    }
  }
  return [...seen.values()];
}

/** Number of distinct grid points (the size the pipeline and the theory report). */
export function gridSize(d: number, mu: number, alpha: number): number {
  return geometricGrid(d, mu, alpha).length;
}

/** Rounded key so that points equal up to floating error deduplicate. */
export function pointKey(point: readonly number[]): string {
  return point.map((x) => x.toFixed(12)).join(',');
}

function* combinations(values: readonly number[], length: number): Generator<number[]> {
  if (length === 0) {
    yield [];
    return;
  }
  for (const v of values) for (const rest of combinations(values, length - 1)) yield [v, ...rest];
}

function assertGridParams(mu: number, alpha: number): void {
  if (!Number.isFinite(mu) || mu <= 0) throw new RangeError(`µ must be a finite number > 0, got ${mu}`);
  if (!Number.isFinite(alpha) || alpha <= 0 || alpha >= 1)
    throw new RangeError(`α must be a number in (0, 1), got ${alpha}`);
}
