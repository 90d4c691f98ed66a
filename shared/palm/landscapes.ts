import { dirichlet1, normal, seededRng, type Rng } from './prng';

/** Shape of a synthetic reward front, in the maximization sense. */
export type FrontShape = 'convex' | 'concave' | 'noisy';

export interface Landscape {
  name: string;
  d: number;
  shape: FrontShape;
  candidates: number[][];
  /** Standard error of each candidate's estimate (per component). */
  stderr: number[][];
}

export interface LandscapeSpec {
  d: number;
  shape: FrontShape;
  /** Number of candidates. */
  count: number;
  seed: number;
}

/**
 * Synthetic candidate pools on a front ‖x‖_p = 1 mapped into [0.05, 0.95]^d.
 * - convex: p = 2, the attainable set bulges outwards; every front point is some weight's
 *   optimum, so OPT(w) changes smoothly and many policies matter (the hard case).
 * - concave: p = 0.7, the front bends inwards; linear scalarization favours extremes.
 * - noisy: the convex front with candidates pushed inwards by |N(0, 0.05)| (most are then
 *   dominated) and larger, uneven standard errors, as measured pools look.
 */
export function landscape(spec: LandscapeSpec): Landscape {
  const { d, shape, seed } = spec;
  const n = spec.count;
  const rng = seededRng(seed);
  const p = shape === 'concave' ? 0.7 : 2;
  const candidates: number[][] = [];
  const stderr: number[][] = [];
  for (let i = 0; i < n; i++) {
    const x = onFront(dirichlet1(d, rng), p);
    const shrink = shape === 'noisy' ? Math.max(0, 1 - Math.abs(0.05 * normal(rng))) : 1;
    candidates.push(x.map((v) => clamp(0.05 + 0.9 * v * shrink)));
    stderr.push(x.map(() => stderrFor(shape, rng)));
  }
  return { name: `d=${d} ${shape} n=${n}`, d, shape, candidates, stderr };
}

/** Scales a direction u ≥ 0 onto the unit p-norm sphere. */
function onFront(u: number[], p: number): number[] {
  const norm = Math.pow(u.reduce((s, x) => s + Math.pow(x, p), 0), 1 / p);
  return u.map((x) => (norm > 0 ? x / norm : 0));
}

function stderrFor(shape: FrontShape, rng: Rng): number {
  return shape === 'noisy' ? 0.005 + 0.02 * rng() : 0.002 + 0.004 * rng();
}

function clamp(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** The standard suite of the bench: d = 2, 3, 4 × three shapes, 200 to 2,000 candidates. */
export function standardLandscapes(seed = 1): Landscape[] {
  const sizes: Record<number, number> = { 2: 200, 3: 1000, 4: 2000 };
  const shapes: FrontShape[] = ['convex', 'concave', 'noisy'];
  return [2, 3, 4].flatMap((d) =>
    shapes.map((shape, i) => landscape({ d, shape, count: sizes[d] ?? 200, seed: seed * 100 + d * 10 + i })),
  );
}
