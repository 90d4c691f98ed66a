import type { GapBound, MarginConstants } from './certify-types';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import type { Packed } from './packed';
import { latticeCoveringRadius, latticeSize, simplexLattice } from './simplex';

/**
 * Upper bounds on the worst gaps for d ≥ 3 from the lattice of resolution N.
 *
 * Proof. Let ρ be the lattice covering radius in ½‖·‖₁ (see simplex.ts). For any w pick a
 * lattice point v with ½‖w − v‖₁ ≤ ρ and let u = w − v, so Σu = 0. For any vector x,
 * u·x ≤ ½‖u‖₁·(max x − min x) = ρ·spread(x) (positive and negative parts of u each sum to
 * ½‖u‖₁). Let c* be optimal at w and m_v the best member at v. Then
 *   OPT(w) − M(w) ≤ w·c* − w·m_v = (v·c* − v·m_v) + u·(c* − m_v) ≤ OPT(v) − M(v) + ρ·spread(c* − m_v),
 * so δ ≤ max_v gap(v) + ρ·L with L ≥ spread(c − m) for every candidate c and member m
 * (the same argument with (1 − ε)·c gives the paired δ). For the ratio,
 *   OPT(w) ≤ OPT(v) + u·c* ≤ OPT(v) + ρ·S_C and M(w) ≥ w·m_v ≥ M(v) − ρ·S_M,
 * hence 1 − M(w)/OPT(w) ≤ 1 − max(0, M(v) − ρS_M)/(OPT(v) + ρS_C). Both bounds are monotone
 * in (M(v)↓, OPT(v)↑), so with shared constants the conservative bound is never tighter.
 */
export function certifyLattice(
  opt: Packed,
  members: Packed,
  resolution: number,
  k: MarginConstants,
  pairedEpsilon: number | null,
): GapBound {
  const d = opt.dim;
  const rho = latticeCoveringRadius(d, resolution);
  const points = simplexLattice(d, resolution);
  const count = latticeSize(d, resolution);
  let eps = 0;
  let obsEps = 0;
  let epsAt = 0;
  let del = 0;
  let delAt = 0;
  let paired = -Infinity;
  let pairedAt = 0;
  const optIndex = buildMaxIndex(opt);
  const memberIndex = buildMaxIndex(members);
  const oq = newMaxResult();
  const mq = newMaxResult();
  for (let p = 0, o = 0; p < count; p++, o += d) {
    // Consecutive lattice points are neighbours: the previous maximizer is a good first bound.
    const mv = queryMax(memberIndex, points, o, mq.position, mq).value;
    const ov = Math.max(queryMax(optIndex, points, o, oq.position, oq).value, mv);
    if (ov - mv > del) {
      del = ov - mv;
      delAt = o;
    }
    const observed = ov > 0 ? 1 - mv / ov : 0;
    if (observed > obsEps) {
      obsEps = observed;
      epsAt = o;
    }
    const upper = ov + rho * k.optSpread;
    const bound = upper > 0 ? 1 - Math.max(0, mv - rho * k.memberSpread) / upper : 0;
    if (bound > eps) eps = bound;
    if (pairedEpsilon !== null && (1 - pairedEpsilon) * ov - mv > paired) {
      paired = (1 - pairedEpsilon) * ov - mv;
      pairedAt = o;
    }
  }
  const margin = rho * k.gapSpread;
  const at = (o: number): number[] => Array.from(points.subarray(o, o + d));
  return {
    epsilon: Math.min(1, eps),
    delta: del + margin,
    worstEpsilonAt: at(epsAt),
    worstDeltaAt: at(delAt),
    observedEpsilon: obsEps,
    observedDelta: del,
    pointsChecked: count,
    exact: rho === 0,
    margin,
    paired:
      pairedEpsilon === null
        ? null
        : { epsilon: pairedEpsilon, delta: Math.max(0, paired) + rho * k.pairedSpread, at: at(pairedAt) },
  };
}
