import type { GapBound } from './certify-types';
import { evaluateSorted, upperEnvelope, type Line } from './envelope';
import type { Packed } from './packed';

/**
 * Exact worst gaps for d = 2. With t = w_1, OPT(t) and M(t) are upper envelopes of lines, so
 * between consecutive breakpoints of either envelope both are linear: the additive gap (and
 * (1 − ε)·OPT − M) is linear there, extreme at the ends; the ratio M/OPT is linear-fractional,
 * hence monotone, also extreme at the ends. Where OPT(a) = 0 at an end a, 0 ≤ M ≤ OPT forces
 * M(a) = 0, so M/OPT is constant on the piece and equals its value at the other end.
 * Checking every breakpoint plus t = 0 and t = 1 therefore gives the exact suprema.
 */
export function certifyExact2d(opt: Packed, members: Packed, pairedEpsilon: number | null): GapBound {
  const optEnv = upperEnvelope(toLines(opt));
  const memberEnv = upperEnvelope(toLines(members));
  const inside = (t: number): boolean => t > 0 && t < 1;
  const ts = [0, 1, ...optEnv.breaks.filter(inside), ...memberEnv.breaks.filter(inside)].sort((x, y) => x - y);
  const o = evaluateSorted(optEnv, ts).values;
  const m = evaluateSorted(memberEnv, ts).values;
  let eps = 0;
  let epsAt = 0;
  let del = -Infinity;
  let delAt = 0;
  let paired = -Infinity;
  let pairedAt = 0;
  ts.forEach((t, i) => {
    const oi = Math.max(o[i] ?? 0, m[i] ?? 0);
    const mi = m[i] ?? 0;
    if (oi - mi > del) {
      del = oi - mi;
      delAt = t;
    }
    const e = oi > 0 ? 1 - mi / oi : 0;
    if (e > eps) {
      eps = e;
      epsAt = t;
    }
    if (pairedEpsilon !== null && (1 - pairedEpsilon) * oi - mi > paired) {
      paired = (1 - pairedEpsilon) * oi - mi;
      pairedAt = t;
    }
  });
  return {
    epsilon: eps,
    delta: Math.max(0, del),
    worstEpsilonAt: [epsAt, 1 - epsAt],
    worstDeltaAt: [delAt, 1 - delAt],
    observedEpsilon: eps,
    observedDelta: Math.max(0, del),
    pointsChecked: ts.length,
    exact: true,
    margin: 0,
    paired: pairedEpsilon === null ? null : { epsilon: pairedEpsilon, delta: Math.max(0, paired), at: [pairedAt, 1 - pairedAt] },
  };
}

function toLines(p: Packed): Line[] {
  const lines: Line[] = [];
  for (let r = 0; r < p.rows; r++) {
    const r1 = p.data[2 * r] ?? 0;
    const r2 = p.data[2 * r + 1] ?? 0;
    lines.push({ a: r2, b: r1 - r2 });
  }
  return lines;
}
