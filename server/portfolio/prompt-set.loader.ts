import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promptFileSchema, type Prompt, type PromptSplit } from '../../shared/schemas/prompt-set.schema';

export interface PromptSet {
  train: Prompt[];
  eval: Prompt[];
}

export class PromptSetError extends Error {
  override name = 'PromptSetError';
}

/**
 * Reads `train.json` and `eval.json` from a prompt folder and validates them; errors name the
 * file and the path of every bad field, because a typo there otherwise surfaces as a bad build.
 */
export function loadPromptSet(dir: string): PromptSet {
  const train = loadPromptFile(join(dir, 'train.json'), 'train');
  const evalPrompts = loadPromptFile(join(dir, 'eval.json'), 'eval');
  const trainIds = new Set(train.map((p) => p.id));
  const shared = evalPrompts.filter((p) => trainIds.has(p.id)).map((p) => p.id);
  // An id in both splits would let the eval set reuse train answers from the cache.
  if (shared.length > 0) throw new PromptSetError(`prompt ids in both train and eval: ${shared.join(', ')}`);
  return { train, eval: evalPrompts };
}

export function loadPromptFile(path: string, split: PromptSplit): Prompt[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PromptSetError(`cannot read prompt file ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = promptFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new PromptSetError(`invalid prompt file ${path}:\n${lines.join('\n')}`);
  }
  if (parsed.data.split !== split) throw new PromptSetError(`prompt file ${path} says split "${parsed.data.split}", expected "${split}"`);
  return parsed.data.prompts;
}

/** The first `limit` prompts taken round-robin across categories, so a small limit still sees every kind. */
export function limitPrompts(prompts: readonly Prompt[], limit: number | undefined): Prompt[] {
  if (limit === undefined || limit >= prompts.length) return [...prompts];
  const byCategory = new Map<string, Prompt[]>();
  for (const p of prompts) byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  const queues = [...byCategory.values()];
  const out: Prompt[] = [];
  for (let round = 0; out.length < limit; round++) {
    for (const q of queues) {
      const p = q[round];
      if (p && out.length < limit) out.push(p);
    }
  }
  return out;
}
