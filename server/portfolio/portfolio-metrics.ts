import { distinctN, usagePerplexity } from '../../shared/palm/metrics';
import { sampleSimplex } from '../../shared/palm/prng';
import type { Sample } from './generate-answers';

export interface PortfolioMetrics {
  /** exp(entropy) of how often each member serves users drawn uniformly from the simplex. */
  usagePerplexity: number;
  /** Share of those users each member serves, in members' order. */
  usage: number[];
  /** Distinct bigrams over all bigrams of the members' answers to the same prompt, averaged over prompts. */
  distinct2: number;
}

const USERS = 20_000;
const USER_SEED = 1;

/**
 * How the portfolio is used and how different its members sound (DESIGN §3 metrics): a
 * portfolio whose members all say the same thing, or where one member serves everyone, is
 * smaller in effect than its size suggests.
 */
export function portfolioMetrics(memberRewards: readonly (readonly number[])[], memberIds: readonly string[], samples: readonly Sample[]): PortfolioMetrics {
  const d = memberRewards[0]?.length ?? 0;
  const { perplexity, usage } = usagePerplexity(memberRewards, sampleSimplex(d, USERS, USER_SEED));
  return { usagePerplexity: perplexity, usage, distinct2: answerDiversity(memberIds, samples, 2) };
}

/** Mean over (prompt, seed) of distinct-n across the members' answers to it; 0 without answers. */
export function answerDiversity(memberIds: readonly string[], samples: readonly Sample[], n: number): number {
  const members = new Set(memberIds);
  const byPrompt = new Map<string, string[]>();
  for (const s of samples) {
    if (!members.has(s.policyId)) continue;
    const key = `${s.promptId}\u0000${s.seed}`;
    const texts = byPrompt.get(key);
    if (texts) texts.push(s.response);
    else byPrompt.set(key, [s.response]);
  }
  const scores = [...byPrompt.values()].map((texts) => distinctN(texts, n));
  return scores.length === 0 ? 0 : scores.reduce((a, b) => a + b, 0) / scores.length;
}
