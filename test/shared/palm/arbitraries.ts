import fc from 'fast-check';

/** A reward value in [0, 1] with few distinct digits, so ties and duplicates happen too. */
export const reward = fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000);

/** n reward vectors of dimension d. */
export function rewardSet(d: number, min: number, max: number): fc.Arbitrary<number[][]> {
  return fc.array(fc.array(reward, { minLength: d, maxLength: d }), { minLength: min, maxLength: max });
}

/** A candidate set plus a non-empty subset of it as members. */
export function portfolioInstance(d: number, maxCandidates = 12): fc.Arbitrary<{ candidates: number[][]; members: number[][] }> {
  return rewardSet(d, 1, maxCandidates).chain((candidates) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: candidates.length - 1 }), { minLength: 1, maxLength: Math.min(4, candidates.length) })
      .map((idx) => ({ candidates, members: idx.map((i) => candidates[i] ?? []) })),
  );
}

/** Brute-force worst gaps at the given weight points (test oracle, written independently). */
export function bruteGaps(members: number[][], candidates: number[][], points: number[][]): { epsilon: number; delta: number } {
  const dot = (w: number[], r: number[]): number => w.reduce((s, x, i) => s + x * (r[i] ?? 0), 0);
  let epsilon = 0;
  let delta = 0;
  for (const w of points) {
    const m = Math.max(...members.map((r) => dot(w, r)));
    const o = Math.max(m, ...candidates.map((r) => dot(w, r)));
    delta = Math.max(delta, o - m);
    if (o > 0) epsilon = Math.max(epsilon, 1 - m / o);
  }
  return { epsilon, delta };
}

/** Evenly spaced points of the 1-simplex, n + 1 of them. */
export function line(n: number): number[][] {
  return Array.from({ length: n + 1 }, (_, i) => [i / n, 1 - i / n]);
}

/** Random points of the simplex (uniform via sorted uniforms), from a fast-check seed. */
export function randomSimplexPoints(d: number, count: number, seed: number): number[][] {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const cuts = [0, ...Array.from({ length: d - 1 }, next).sort((a, b) => a - b), 1];
    return Array.from({ length: d }, (_, i) => (cuts[i + 1] ?? 1) - (cuts[i] ?? 0));
  });
}
