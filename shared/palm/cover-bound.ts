import type { ReducedCover } from './cover-reduce';

/**
 * Lagrangian lower bound on the minimum cover of a reduced instance (subgradient ascent).
 * For multipliers u ≥ 0 on elements, L(u) = Σ_e u_e + Σ_s min(0, 1 − Σ_{e∈s} u_e) ≤ OPT for
 * every u (relax "each element covered" into the objective), so any iterate's value is a valid
 * bound; ascent just makes it tight (close to the LP relaxation).
 */
export function lagrangianBound(red: ReducedCover, upper: number, iterations = 400): number {
  const sets = incidence(red);
  const m = red.elements.length;
  if (m === 0) return 0;
  // Start from u_e = 1 / (largest set covering e): every set's reduced cost is then ≥ 0.
  const u = new Float64Array(m).fill(1);
  for (const s of sets) for (const e of s) u[e] = Math.min(u[e] ?? 1, 1 / s.length);
  let best = 0;
  let lambda = 2;
  let stall = 0;
  const g = new Float64Array(m);
  for (let it = 0; it < iterations && lambda > 1e-4; it++) {
    g.fill(1);
    let value = 0;
    for (let e = 0; e < m; e++) value += u[e] ?? 0;
    for (const s of sets) {
      let rc = 1;
      for (const e of s) rc -= u[e] ?? 0;
      if (rc < 0) {
        value += rc;
        for (const e of s) g[e] = (g[e] ?? 0) - 1;
      }
    }
    if (value > best + 1e-9) {
      best = value;
      stall = 0;
    } else if (++stall >= 20) {
      lambda /= 2;
      stall = 0;
    }
    if (Math.ceil(best - 1e-9) >= upper) break;
    let norm = 0;
    for (let e = 0; e < m; e++) norm += (g[e] ?? 0) ** 2;
    if (norm === 0) break; // u is optimal for its own relaxation: the bound is exact
    const step = (lambda * (upper - value)) / norm;
    for (let e = 0; e < m; e++) u[e] = Math.max(0, (u[e] ?? 0) + step * (g[e] ?? 0));
  }
  return best;
}

/** Elements of each set, as index lists. */
function incidence(red: ReducedCover): number[][] {
  const sets: number[][] = red.setIds.map(() => []);
  red.elements.forEach((mask, e) => {
    for (let s = 0; s < red.setIds.length; s++) if ((((mask[s >>> 5] ?? 0) >>> (s & 31)) & 1) === 1) sets[s]?.push(e);
  });
  return sets;
}
