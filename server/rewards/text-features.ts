/** Lower-cased text with typographic apostrophes and quotes folded, so lexicons match either form. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/** Whitespace-separated words: the unit of the brevity reward, stable across tokenizers. */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/u).length;
}

/** How many patterns of the list occur at least once (a repeated cue counts once). */
export function countDistinct(text: string, patterns: readonly RegExp[]): number {
  return patterns.reduce((count, pattern) => count + (pattern.test(text) ? 1 : 0), 0);
}

/** Total occurrences of one global pattern. */
export function countOccurrences(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Builds `\b(?:a|b|c)\b`-style word patterns from plain phrases. */
export function phrases(list: readonly string[]): RegExp[] {
  return list.map((phrase) => new RegExp(`\\b${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\b`, 'u'));
}
