import { tradeoffCurve } from '../../shared/palm/budget';
import { certify } from '../../shared/palm/certify';
import { geometricGrid } from '../../shared/palm/grid';
import { bestCandidate } from '../../shared/palm/scalarize';
import { certifiedCover } from '../../shared/palm/select';
import { resolutionForBudget, simplexLatticePoints } from '../../shared/palm/simplex';

export type SelectionMode = 'greedy' | 'exact' | 'budget';

export interface SelectOptions {
  mu: number;
  alpha: number;
  /** Target (ε, δ) of the cover modes; budget mode reports its gaps instead of meeting a target. */
  epsilon: number;
  delta: number;
  /** Cover method: greedy set cover (default) or the exact minimum cover. */
  method?: 'greedy' | 'exact';
  /** Budget mode: the best k policies by worst gap (overrides method). */
  budget?: number;
  /** Standard errors of the train estimates (same index as rewards): ties of size are broken on confidence bounds. */
  stderr?: readonly (readonly number[])[];
  /** Largest k of the trade-off curve (default 8). */
  curveMax?: number;
}

export interface TradeoffPoint {
  k: number;
  worstEpsilon: number;
  worstDelta: number;
  exact: boolean;
}

export interface Selection {
  mode: SelectionMode;
  budget: number | null;
  /** Candidate indices of the portfolio members, ascending. */
  members: number[];
  /** For each member (same order), the grid points it serves (routing picks it there). */
  coveredGridPoints: number[];
  /** For each grid point, the candidate with the highest g · R̂ (the "policy per grid point"). */
  bestPerPoint: number[];
  /** Points the selection saw: the grid plus a lattice sample of the simplex. */
  universePoints: number;
  /** Cover modes: the whole-simplex certificate on the train estimates meets (ε, δ). */
  certified: boolean;
  /** Cover modes: the members were re-picked at the cover's size by budget mode (smaller worst gap). */
  refined: boolean;
  /** Exact mode: the cover was proven minimum; null otherwise. */
  optimal: boolean | null;
  /** Whole-simplex certificate of the members on the train estimates (worst ε, worst δ, δ paired with ε). */
  train: { epsilon: number; delta: number; pairedDelta: number };
  /** Budget mode: worst gaps over the universe points for the chosen k (what it minimized); else null. */
  budgetGaps: { worstEpsilon: number; worstDelta: number } | null;
  /** k → best worst gaps over the universe points, k = 1 .. curveMax. */
  tradeoff: TradeoffPoint[];
}

/** Lattice sample for budget mode and the curve: small enough that budget search stays exact. */
const BUDGET_SAMPLE_POINTS = 1_000;

/**
 * PALM's pruning (DESIGN §3 step 4) over every candidate, not only the grid winners: the
 * universe is the geometric grid plus a dense sample of the simplex, and the cover modes loop
 * until the whole-simplex certificate on the train estimates meets (ε, δ). Budget mode keeps
 * the best k by worst multiplicative gap. The trade-off curve shows what each k would cost.
 */
export function selectPortfolio(rewards: readonly (readonly number[])[], options: SelectOptions): Selection {
  const d = rewards[0]?.length ?? 0;
  const grid = geometricGrid(d, options.mu, options.alpha);
  const sample = [...grid, ...simplexLatticePoints(d, resolutionForBudget(d, BUDGET_SAMPLE_POINTS))];
  const kMax = Math.max(options.budget ?? 0, Math.min(options.curveMax ?? 8, rewards.length));
  const curve = tradeoffCurve(rewards, sample, kMax);
  const tradeoff = curve.map(({ k, worstEpsilon, worstDelta, exact }) => ({ k, worstEpsilon, worstDelta, exact }));
  const picked =
    options.budget === undefined
      ? refineAtSize(coverSelection(rewards, options), curve, rewards, options)
      : budgetSelection(curve, options.budget, sample.length);
  const members = [...picked.members].sort((a, b) => a - b);
  const cert = certify(members.map((i) => rewards[i] ?? []), rewards, { epsilon: options.epsilon });
  return {
    ...picked,
    members,
    coveredGridPoints: servedPoints(members, rewards, grid),
    bestPerPoint: grid.map((g) => bestCandidate(g, rewards).index),
    train: { epsilon: cert.epsilon, delta: cert.delta, pairedDelta: cert.paired?.delta ?? cert.delta },
    tradeoff,
  };
}

type Picked = Pick<Selection, 'mode' | 'budget' | 'members' | 'universePoints' | 'certified' | 'refined' | 'optimal' | 'budgetGaps'>;

/**
 * certifiedCover at (ε, δ). In exact mode greedy runs too and the smaller certified answer wins:
 * certification rounds can tighten the target differently for each method, and exact must
 * never return more members than greedy on the same pool.
 */
function coverSelection(rewards: readonly (readonly number[])[], options: SelectOptions): Picked {
  const run = (method: 'greedy' | 'exact') => certifiedCover(rewards, options.epsilon, options.delta, { method, grid: { mu: options.mu, alpha: options.alpha } });
  const greedy = run('greedy');
  let chosen = greedy;
  if (options.method === 'exact') {
    const exact = run('exact');
    const exactWins = exact.certified || !greedy.certified;
    chosen = exactWins && exact.selected.length <= greedy.selected.length ? exact : greedy;
  }
  return {
    mode: options.method ?? 'greedy',
    budget: null,
    members: chosen.selected,
    universePoints: chosen.universeSize,
    certified: chosen.certified,
    refined: false,
    optimal: options.method === 'exact' ? chosen !== greedy && chosen.optimal : null,
    budgetGaps: null,
  };
}

/**
 * Set cover minimizes how many policies, not how far from OPT they leave users: two sets of the
 * same size can differ a lot. So at the cover's size, take budget mode's set when it is certified
 * for (ε, δ) too and its δ at the target ε is smaller. With standard errors the comparison uses
 * the conservative certificate (members at lower, OPT at upper confidence bounds), so a set is
 * not preferred because noise flattered it.
 */
function refineAtSize(picked: Picked, curve: ReturnType<typeof tradeoffCurve>, rewards: readonly (readonly number[])[], options: SelectOptions): Picked {
  const entry = curve[picked.members.length - 1];
  if (!picked.certified || !entry || entry.selected.length !== picked.members.length) return picked;
  const candidate = pairedGaps(entry.selected, rewards, options);
  if (candidate.plain > options.delta + 1e-12) return picked;
  const current = pairedGaps(picked.members, rewards, options);
  return candidate.judged < current.judged - 1e-12 ? { ...picked, members: entry.selected, refined: true } : picked;
}

/** δ at the target ε over the simplex: plain, and the one to judge by (conservative when stderr is known). */
export function pairedGaps(members: readonly number[], rewards: readonly (readonly number[])[], options: Pick<SelectOptions, 'epsilon' | 'stderr'>): { plain: number; judged: number } {
  const se = options.stderr;
  const cert = certify(
    members.map((i) => rewards[i] ?? []),
    rewards,
    se ? { epsilon: options.epsilon, stderr: se, membersStderr: members.map((i) => se[i] ?? []) } : { epsilon: options.epsilon },
  );
  const plain = cert.paired?.delta ?? cert.delta;
  const judged = cert.conservative ? (cert.conservative.paired?.delta ?? cert.conservative.delta) : plain;
  return { plain, judged };
}

function budgetSelection(curve: ReturnType<typeof tradeoffCurve>, k: number, universePoints: number): Picked {
  const entry = curve[k - 1];
  if (!entry) throw new RangeError(`no budget result for k = ${k}`);
  return {
    mode: 'budget',
    budget: k,
    members: entry.selected,
    universePoints,
    certified: false,
    refined: false,
    optimal: entry.exact,
    budgetGaps: { worstEpsilon: entry.worstEpsilon, worstDelta: entry.worstDelta },
  };
}

/** How many grid points each member serves (routing picks it), in members' order. */
function servedPoints(members: readonly number[], rewards: readonly (readonly number[])[], grid: readonly (readonly number[])[]): number[] {
  const counts = members.map(() => 0);
  const memberRewards = members.map((i) => rewards[i] ?? []);
  for (const g of grid) {
    const slot = bestCandidate(g, memberRewards).index;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

export interface GridGaps {
  /** Worst multiplicative gap 1 − M(w)/OPT(w) and worst additive gap OPT(w) − M(w), each alone. */
  epsilon: number;
  delta: number;
  /** Smallest δ such that every point is within (targetEpsilon, δ): what set cover promises ≤ its δ. */
  deltaAtTargetEpsilon: number;
}

/** Gaps of the members against OPT over every candidate, at the given points (ε is 0 where OPT ≤ 0). */
export function gridGaps(members: readonly (readonly number[])[], candidates: readonly (readonly number[])[], points: readonly (readonly number[])[], targetEpsilon: number): GridGaps {
  const gaps = { epsilon: 0, delta: 0, deltaAtTargetEpsilon: 0 };
  for (const w of points) {
    const got = bestCandidate(w, members).value;
    const opt = Math.max(bestCandidate(w, candidates).value, got);
    gaps.delta = Math.max(gaps.delta, opt - got);
    gaps.deltaAtTargetEpsilon = Math.max(gaps.deltaAtTargetEpsilon, (1 - targetEpsilon) * opt - got);
    if (opt > 0) gaps.epsilon = Math.max(gaps.epsilon, 1 - got / opt);
  }
  return gaps;
}
