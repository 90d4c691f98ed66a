/**
 * Local search for budget mode on a gap matrix G (sets × points, set-major): the worst gap of
 * a portfolio S is max_p min_{s∈S} G[s, p]; ties are broken by the total gap.
 */
export interface GapMatrix {
  gaps: Float64Array;
  sets: number;
  points: number;
}

export interface Score {
  worst: number;
  total: number;
}

export function better(a: Score, b: Score): boolean {
  return a.worst < b.worst - 1e-15 || (Math.abs(a.worst - b.worst) <= 1e-15 && a.total < b.total - 1e-12);
}

/** Per-point best gap of a portfolio. */
export function pointwise(g: GapMatrix, members: readonly number[]): Float64Array {
  const best = new Float64Array(g.points).fill(Infinity);
  for (const s of members)
    for (let p = 0; p < g.points; p++) best[p] = Math.min(best[p] ?? Infinity, g.gaps[s * g.points + p] ?? Infinity);
  return best;
}

export function scoreOf(best: Float64Array): Score {
  let worst = -Infinity;
  let total = 0;
  for (const x of best) {
    if (x > worst) worst = x;
    total += x;
  }
  return { worst, total };
}

/** Score of base ∪ {s}; stops early (worst = Infinity) once it cannot beat `bar`. */
function scoreWith(g: GapMatrix, base: Float64Array, s: number, bar: Score): Score {
  let worst = -Infinity;
  let total = 0;
  const o = s * g.points;
  for (let p = 0; p < g.points; p++) {
    const x = Math.min(base[p] ?? Infinity, g.gaps[o + p] ?? Infinity);
    if (x > worst) {
      worst = x;
      if (worst > bar.worst + 1e-15) return { worst: Infinity, total: Infinity };
    }
    total += x;
  }
  return { worst, total };
}

/** The best single addition to a portfolio. */
export function extend(g: GapMatrix, members: readonly number[]): number[] {
  const base = pointwise(g, members);
  let bar: Score = { worst: Infinity, total: Infinity };
  let pick = -1;
  for (let s = 0; s < g.sets; s++) {
    if (members.includes(s)) continue;
    const sc = scoreWith(g, base, s, bar);
    if (pick < 0 || better(sc, bar)) {
      bar = sc;
      pick = s;
    }
  }
  return pick < 0 ? [...members] : [...members, pick];
}

/** Replace one member at a time by the best outsider while that improves the score. */
export function swapImprove(g: GapMatrix, start: readonly number[], maxPasses = 20): number[] {
  const members = [...start];
  let current = scoreOf(pointwise(g, members));
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let i = 0; i < members.length; i++) {
      const base = pointwise(g, members.filter((_, j) => j !== i));
      for (let s = 0; s < g.sets; s++) {
        if (members.includes(s)) continue;
        const sc = scoreWith(g, base, s, current);
        if (better(sc, current)) {
          members[i] = s;
          current = sc;
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
  return members;
}
