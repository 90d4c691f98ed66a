import { certifyExact2d } from './certify-exact-2d';
import { certifyLattice } from './certify-lattice';
import type { Certificate, GapBound, MarginConstants } from './certify-types';
import { concat, pack, type Packed } from './packed';
import { resolutionForBudget } from './simplex';
import { assertFinite, assertPositiveInt, assertRewardSet, assertStderr } from './validate';

export type { Certificate, GapBound } from './certify-types';

export interface CertifyOptions {
  /** Standard errors per candidate (same index as candidates): enables the conservative bound. */
  stderr?: readonly (readonly number[])[];
  /** Standard errors per member; when omitted, members are looked up among the candidates. */
  membersStderr?: readonly (readonly number[])[];
  /** Width of the confidence bounds in standard errors (default 1.96). */
  z?: number;
  /** Lattice resolution N for d ≥ 3 (default: the largest with ≤ 20,000 points). */
  resolution?: number;
  /** Also report the smallest δ for which the members form an (ε, δ)-portfolio at this ε. */
  epsilon?: number;
}

const DEFAULT_LATTICE_POINTS = 20_000;

/**
 * Certifies a portfolio over the whole simplex: worst multiplicative and additive gaps of the
 * best member against OPT(w) = max over candidates and members. Exact for d = 2, an upper
 * bound (lattice + Lipschitz margin) for d ≥ 3. With stderr, also a conservative certificate
 * with members at their lower and candidates at their upper confidence bounds (clamped to [0, 1]).
 */
export function certify(
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
  options: CertifyOptions = {},
): Certificate {
  const d = assertRewardSet(candidates, 'candidates');
  assertRewardSet(members, 'members', d);
  const z = options.z ?? 1.96;
  assertFinite(z, 'z');
  if (z < 0) throw new RangeError(`z must be ≥ 0, got ${z}`);
  if (options.resolution !== undefined) assertPositiveInt(options.resolution, 'resolution');
  const paired = options.epsilon ?? null;
  if (paired !== null && (!Number.isFinite(paired) || paired < 0 || paired >= 1))
    throw new RangeError(`epsilon must be in [0, 1), got ${paired}`);
  const C = pack(candidates, d);
  const M = pack(members, d);
  const plainOpt = concat(C, M);
  let consOpt: Packed | null = null;
  let consMembers: Packed | null = null;
  if (options.stderr) {
    assertStderr(options.stderr, candidates.length, d, 'stderr');
    const memberSe = options.membersStderr ?? lookUpMemberStderr(members, candidates, options.stderr);
    assertStderr(memberSe, members.length, d, 'membersStderr');
    consOpt = concat(shift(C, pack(options.stderr, d), z), shift(M, pack(memberSe, d), z));
    consMembers = shift(M, pack(memberSe, d), -z);
  }
  const resolution = d === 2 ? null : d === 1 ? 1 : (options.resolution ?? resolutionForBudget(d, DEFAULT_LATTICE_POINTS));
  const constants = marginConstants([plainOpt, ...(consOpt ? [consOpt] : [])], [M, ...(consMembers ? [consMembers] : [])], paired ?? 0);
  const run = (opt: Packed, mem: Packed): GapBound =>
    resolution === null ? certifyExact2d(opt, mem, paired) : certifyLattice(opt, mem, resolution, constants, paired);
  const plain = run(plainOpt, M);
  return { ...plain, resolution, conservative: consOpt && consMembers ? run(consOpt, consMembers) : null };
}

/** Moves every component by z standard errors, clamped to [0, 1] (true rewards lie there). */
function shift(p: Packed, se: Packed, z: number): Packed {
  const data = new Float64Array(p.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(1, Math.max(0, (p.data[i] ?? 0) + z * (se.data[i] ?? 0)));
  return { data, rows: p.rows, dim: p.dim };
}

function lookUpMemberStderr(
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
  stderr: readonly (readonly number[])[],
): (readonly number[])[] {
  return members.map((m, i) => {
    const at = candidates.findIndex((c) => c.length === m.length && c.every((x, j) => x === m[j]));
    const se = stderr[at];
    if (at < 0 || !se) throw new RangeError(`members[${i}] is not among the candidates: pass membersStderr`);
    return se;
  });
}

/** Spread bounds over all vectors of either side (plain and conservative), see certify-lattice.ts. */
function marginConstants(optSide: readonly Packed[], memberSide: readonly Packed[], epsilon: number): MarginConstants {
  const d = optSide[0]?.dim ?? 0;
  const range = (sets: readonly Packed[], j: number, pick: (a: number, b: number) => number, start: number): number => {
    let acc = start;
    for (const p of sets) for (let r = 0; r < p.rows; r++) acc = pick(acc, p.data[r * d + j] ?? 0);
    return acc;
  };
  const gapSpread = (scale: number): number => {
    let hi = -Infinity;
    let lo = Infinity;
    for (let j = 0; j < d; j++) {
      hi = Math.max(hi, scale * range(optSide, j, Math.max, -Infinity) - range(memberSide, j, Math.min, Infinity));
      lo = Math.min(lo, scale * range(optSide, j, Math.min, Infinity) - range(memberSide, j, Math.max, -Infinity));
    }
    return Math.max(0, hi - lo);
  };
  return {
    gapSpread: gapSpread(1),
    pairedSpread: gapSpread(1 - epsilon),
    optSpread: maxSpread(optSide),
    memberSpread: maxSpread(memberSide),
  };
}

function maxSpread(sets: readonly Packed[]): number {
  let worst = 0;
  for (const p of sets)
    for (let r = 0; r < p.rows; r++) {
      const v = p.data.subarray(r * p.dim, (r + 1) * p.dim);
      worst = Math.max(worst, Math.max(...v) - Math.min(...v));
    }
  return worst;
}
