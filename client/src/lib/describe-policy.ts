/** Instruction strength per level of a generated policy's system prompt (0, 1, 2). */
const LEVEL_WORDS = ['none', 'mild', 'strong'] as const;

/** Names the policy search generates: `s2-h1-b0-t0.8-n16` (levels of safety, humor, brevity; temperature; max tokens). */
const GENERATED_NAME = /^s([0-2])-h([0-2])-b([0-2])-t(\d+(?:\.\d+)?)-n(\d+)$/;

/**
 * A plain-language reading of a generated policy name, e.g.
 * "asks for: safety strong, humor mild, brevity none · temperature 0.8 · at most 16 tokens".
 * Any other name (an imported policy, the base policy) comes back unchanged.
 */
export function describePolicyName(name: string): string {
  const match = GENERATED_NAME.exec(name.trim());
  if (!match) return name;
  const [, safety, humor, brevity, temperature, maxTokens] = match;
  const level = (digit: string | undefined) => LEVEL_WORDS[Number(digit)] ?? digit;
  const tokens = Number(maxTokens);
  return (
    `asks for: safety ${level(safety)}, humor ${level(humor)}, brevity ${level(brevity)}` +
    ` · temperature ${temperature} · at most ${tokens} ${tokens === 1 ? 'token' : 'tokens'}`
  );
}
