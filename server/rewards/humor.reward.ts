import type { RewardFunction } from './reward.types';
import { countDistinct, countOccurrences, normalizeText, phrases } from './text-features';

const JOKE_CUES = [
  /\bwhy (did|do|does|don't|doesn't|can't|was|is)\b[^?]{3,}\?/u,
  /\bwhat do you call\b/u,
  /\bknock,? knock\b/u,
  /\bwalks? into a bar\b/u,
  /\b(joke|punchline|one-liner)\b/u,
  /\bbecause\b[^.!?]*[!]/u,
];

const WORDPLAY_CUES = phrases(['pun intended', 'no pun', 'get it', 'punny', 'pun', 'wordplay', 'see what i did']);

// Stock compounds ("state-of-the-art", "mother-in-law") are hyphenated too but are not wordplay.
const COMPOUND_LINKS = new Set(['of', 'the', 'to', 'in', 'and', 'by', 'at', 'on', 'for', 'a', 'or']);

/** Sound-alike spellings split by hyphens, like "un-bee-lievable" or "a-peel-ing". */
function hasHyphenPun(text: string): boolean {
  for (const match of text.matchAll(/\b[a-z]+(?:-[a-z]+){2,}\b/gu)) {
    const parts = match[0].split('-');
    if (!parts.some((part) => COMPOUND_LINKS.has(part))) return true;
  }
  return false;
}

const LAUGHTER = [/\b(ha){2,}h?\b/u, /\b(he){2,}h?\b/u, /\b(lol|lmao|rofl)\b/u, /[\u{1F602}\u{1F923}\u{1F604}\u{1F606}\u{1F61C}\u{1F609}]/u];

const FUNNY_WORDS = phrases(['funny', 'hilarious', 'silly', 'giggle', 'laugh', 'ridiculous', 'comedy', 'goofy', 'kidding']);

/** Points at which the score reaches 1 - e^-1 (about 0.63): one clear joke plus a laugh. */
const HUMOR_SCALE = 1.5;

/**
 * Lexical humor score in [0, 1], higher = funnier. Points:
 *   1.0 per distinct joke cue (riddle question, "what do you call", knock-knock, ...),
 *   0.8 per distinct wordplay cue, 0.8 per distinct laughter marker,
 *   0.4 per distinct "funny" word, 0.3 per exclamation mark (max 3);
 * score = 1 - exp(-points / 1.5): saturating, so piling on cues has diminishing returns.
 * An empty or dry answer has no points and scores 0.
 */
export function humorScore(response: string): number {
  const text = normalizeText(response);
  const points =
    1.0 * countDistinct(text, JOKE_CUES) +
    0.8 * (countDistinct(text, WORDPLAY_CUES) + (hasHyphenPun(text) ? 1 : 0)) +
    0.8 * countDistinct(text, LAUGHTER) +
    0.4 * countDistinct(text, FUNNY_WORDS) +
    0.3 * Math.min(3, countOccurrences(text, /!/g));
  return 1 - Math.exp(-points / HUMOR_SCALE);
}

export const humorReward: RewardFunction = {
  trait: 'humor',
  id: 'humor-lexical',
  version: 1,
  score: async (batch) => batch.map((item) => humorScore(item.response)),
};
