import { optimum } from './coverage';
import { buildMaxIndex, newMaxResult, queryMax } from './max-index';
import { pack } from './packed';
import { assertPositiveInt, assertRewardSet, assertWeightSet } from './validate';

export interface GapSummary {
  worstEpsilon: number;
  meanEpsilon: number;
  worstDelta: number;
  meanDelta: number;
}

/** Worst and mean multiplicative and additive gaps of members at the given points. */
export function portfolioGaps(
  members: readonly (readonly number[])[],
  candidates: readonly (readonly number[])[],
  points: readonly (readonly number[])[],
): GapSummary {
  const d = assertRewardSet(candidates, 'candidates');
  assertRewardSet(members, 'members', d);
  assertWeightSet(points, d);
  const P = pack(points, d);
  const opt = optimum(pack([...candidates, ...members], d), P).value;
  const mine = optimum(pack(members, d), P).value;
  const s = { worstEpsilon: 0, meanEpsilon: 0, worstDelta: 0, meanDelta: 0 };
  for (let p = 0; p < P.rows; p++) {
    const o = opt[p] ?? 0;
    const gap = o - (mine[p] ?? 0);
    const eps = o > 0 ? gap / o : 0;
    s.worstDelta = Math.max(s.worstDelta, gap);
    s.worstEpsilon = Math.max(s.worstEpsilon, eps);
    s.meanDelta += gap / P.rows;
    s.meanEpsilon += eps / P.rows;
  }
  return s;
}

/**
 * How evenly users spread over the members: exp(entropy) of the share of user weights each
 * member serves. k for a perfectly even split, 1 when one member serves everyone.
 */
export function usagePerplexity(members: readonly (readonly number[])[], users: readonly (readonly number[])[]): { perplexity: number; usage: number[] } {
  const d = assertRewardSet(members, 'members');
  if (users.length === 0) throw new RangeError('users must be a non-empty list of weight vectors');
  assertWeightSet(users, d, 'users');
  const idx = buildMaxIndex(pack(members, d));
  const out = newMaxResult();
  const counts = new Array<number>(members.length).fill(0);
  for (const w of users) {
    const m = queryMax(idx, Float64Array.from(w), 0, out.position, out).index;
    counts[m] = (counts[m] ?? 0) + 1;
  }
  const usage = counts.map((c) => c / users.length);
  const entropy = usage.reduce((h, p) => (p > 0 ? h - p * Math.log(p) : h), 0);
  return { perplexity: Math.exp(entropy), usage };
}

/**
 * distinct-n: distinct word n-grams over all n-grams in the answers (lower-cased, split on
 * whitespace). 1 means no n-gram repeats across the portfolio's answers; 0 when there are none.
 */
export function distinctN(texts: readonly string[], n: number): number {
  assertPositiveInt(n, 'n');
  const seen = new Set<string>();
  let total = 0;
  for (const text of texts) {
    const words = text.toLowerCase().split(/\s+/).filter((w) => w.length > 0);
    for (let i = 0; i + n <= words.length; i++) {
      seen.add(words.slice(i, i + n).join(' '));
      total++;
    }
  }
  return total === 0 ? 0 : seen.size / total;
}
