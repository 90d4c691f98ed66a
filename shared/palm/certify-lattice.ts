import { cellBounds, latticeIndex } from './certify-cells';
import type { GapBound, MarginConstants } from './certify-types';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import type { Packed } from './packed';
import { latticeCoveringRadius, latticeSize, simplexLattice } from './simplex';

/** Cell bounds cost d·k per cell, (d−1)! cells per base and a (N+1)^(d−1) index: skip beyond these. */
const MAX_CELL_MEMBERS = 64;
const MAX_INDEX_SIZE = 4_000_000;
const MAX_CELL_DIMENSION = 6;

/**
 * Upper bounds on the worst gaps for d ≥ 3 from the lattice of resolution N: the smaller of
 * a Lipschitz bound and a convexity bound (certify-cells.ts); both are proven upper bounds.
 *
 * Lipschitz proof. Let ρ be the lattice covering radius in ½‖·‖₁ (see simplex.ts). For any w
 * pick a lattice point v with ½‖w − v‖₁ ≤ ρ and let u = w − v, so Σu = 0. For any vector x,
 * u·x ≤ ½‖u‖₁·(max x − min x) = ρ·spread(x) (positive and negative parts of u each sum to
 * ½‖u‖₁). Let c* be optimal at w and m_v the best member at v. Then
 *   OPT(w) − M(w) ≤ w·c* − w·m_v = (v·c* − v·m_v) + u·(c* − m_v) ≤ OPT(v) − M(v) + ρ·spread(c* − m_v),
 * so δ ≤ max_v gap(v) + ρ·L with L ≥ spread(c − m) for every candidate c and member m
 * (the same argument with (1 − ε)·c gives the paired δ). For the ratio,
 *   OPT(w) ≤ OPT(v) + u·c* ≤ OPT(v) + ρ·S_C and M(w) ≥ w·m_v ≥ M(v) − ρ·S_M,
 * hence 1 − M(w)/OPT(w) ≤ 1 − max(0, M(v) − ρS_M)/(OPT(v) + ρS_C). Both bounds are monotone
 * in (M(v)↓, OPT(v)↑), so with shared constants the conservative bound is never tighter.
 */
export function certifyLattice(opt: Packed, members: Packed, resolution: number, k: MarginConstants, pairedEpsilon: number | null): GapBound {
  const d = opt.dim;
  const rho = latticeCoveringRadius(d, resolution);
  const points = simplexLattice(d, resolution);
  const count = latticeSize(d, resolution);
  const km = members.rows;
  const optAt = new Float64Array(count);
  const memberAt = new Float64Array(count * km);
  const worst = { eps: 0, obsEps: 0, epsAt: 0, del: 0, delAt: 0, paired: -Infinity, pairedAt: 0 };
  const optIndex = buildMaxIndex(opt);
  const oq = newMaxResult();
  for (let p = 0, o = 0; p < count; p++, o += d) {
    let mv = -Infinity;
    for (let j = 0; j < km; j++) {
      let v = 0;
      for (let i = 0; i < d; i++) v += (members.data[j * d + i] ?? 0) * (points[o + i] ?? 0);
      memberAt[p * km + j] = v;
      if (v > mv) mv = v;
    }
    // Consecutive lattice points are neighbours: the previous maximizer is a good first bound.
    const ov = Math.max(queryMax(optIndex, points, o, oq.position, oq).value, mv);
    optAt[p] = ov;
    track(worst, p, ov, mv, rho, k, pairedEpsilon ?? 0);
  }
  const useCells = km <= MAX_CELL_MEMBERS && d <= MAX_CELL_DIMENSION && (resolution + 1) ** (d - 1) <= MAX_INDEX_SIZE;
  const cells = useCells
    ? cellBounds(d, resolution, optAt, memberAt, km, latticeIndex(points, d, resolution), pairedEpsilon ?? 0)
    : { delta: Infinity, epsilon: Infinity, paired: Infinity };
  const delta = Math.min(worst.del + rho * k.gapSpread, cells.delta);
  const at = (p: number): number[] => Array.from(points.subarray(p * d, (p + 1) * d));
  return {
    epsilon: Math.min(1, worst.eps, cells.epsilon),
    delta,
    worstEpsilonAt: at(worst.epsAt),
    worstDeltaAt: at(worst.delAt),
    observedEpsilon: worst.obsEps,
    observedDelta: worst.del,
    pointsChecked: count,
    exact: rho === 0,
    margin: delta - worst.del,
    paired:
      pairedEpsilon === null
        ? null
        : {
            epsilon: pairedEpsilon,
            delta: Math.max(0, Math.min(worst.paired + rho * k.pairedSpread, cells.paired)),
            at: at(worst.pairedAt),
          },
  };
}

interface Worst {
  eps: number;
  obsEps: number;
  epsAt: number;
  del: number;
  delAt: number;
  paired: number;
  pairedAt: number;
}

/** Updates observed maxima and the Lipschitz ε bound with lattice point p. */
function track(w: Worst, p: number, ov: number, mv: number, rho: number, k: MarginConstants, eps: number): void {
  if (ov - mv > w.del) {
    w.del = ov - mv;
    w.delAt = p;
  }
  const observed = ov > 0 ? 1 - mv / ov : 0;
  if (observed > w.obsEps) {
    w.obsEps = observed;
    w.epsAt = p;
  }
  const upper = ov + rho * k.optSpread;
  const bound = upper > 0 ? 1 - Math.max(0, mv - rho * k.memberSpread) / upper : 0;
  if (bound > w.eps) w.eps = bound;
  if ((1 - eps) * ov - mv > w.paired) {
    w.paired = (1 - eps) * ov - mv;
    w.pairedAt = p;
  }
}
