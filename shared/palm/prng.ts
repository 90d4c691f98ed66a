/** Seeded randomness for reproducible baselines, benchmarks and sampling (no Math.random). */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for sampling (not for cryptography). */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** One draw from Dirichlet(1, …, 1), i.e. uniform on the simplex: normalized exponentials. */
export function dirichlet1(d: number, rng: Rng): number[] {
  const x = Array.from({ length: d }, () => -Math.log(1 - rng()));
  const s = x.reduce((a, b) => a + b, 0);
  return x.map((v) => v / s);
}

/** n points uniform on the simplex from a seed. */
export function sampleSimplex(d: number, n: number, seed: number): number[][] {
  const rng = seededRng(seed);
  return Array.from({ length: n }, () => dirichlet1(d, rng));
}
