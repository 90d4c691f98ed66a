import type { RewardFunction } from './reward.types';
import { countWords } from './text-features';

/** Answers up to this many words are fully brief. */
export const BREVITY_FREE_WORDS = 10;
/** Beyond the free words, the score halves every this many words. */
export const BREVITY_HALF_LIFE_WORDS = 40;

/**
 * Brevity of an answer with n words (whitespace-separated):
 *   n = 0            -> 0   (an empty answer answers nothing; it must not win on brevity)
 *   1 <= n <= 10     -> 1
 *   n > 10           -> 2^(-(n - 10) / 40)   (50 words -> 0.5, 90 -> 0.25, 250 -> ~0.016)
 * Exact, strictly decreasing past 10 words, always in [0, 1].
 */
export function brevityScore(response: string): number {
  const words = countWords(response);
  if (words === 0) return 0;
  if (words <= BREVITY_FREE_WORDS) return 1;
  return 2 ** (-(words - BREVITY_FREE_WORDS) / BREVITY_HALF_LIFE_WORDS);
}

export const brevityReward: RewardFunction = {
  trait: 'brevity',
  id: 'brevity-words',
  version: 1,
  score: async (batch) => batch.map((item) => brevityScore(item.response)),
};
