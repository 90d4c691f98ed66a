import type { Db } from '../db/client';
import type { LlmBackend } from '../llm/llm.types';
import type { RewardFunction } from '../rewards/reward.types';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import type { Prompt } from '../../shared/schemas/prompt-set.schema';
import { estimateRewards, type RewardEstimate } from './estimate';
import { generateAnswers, type GenerationTick, type Sample } from './generate-answers';
import { scoreWithCache } from './reward-cache';

export interface MeasureContext {
  db: Db;
  llm: LlmBackend;
  /** One reward per trait, in TRAITS order. */
  rewards: readonly RewardFunction[];
  modelKey: string;
  seeds: readonly number[];
  concurrency: number;
  signal?: AbortSignal;
  onTick?: (tick: GenerationTick) => void;
}

export interface Measurement {
  estimates: RewardEstimate[];
  /** Every answer measured (for diversity metrics); the text is already in the generation cache. */
  samples: Sample[];
  generations: { fresh: number; cached: number };
  scores: { scored: number; cached: number };
}

/** R̂ with standard errors for each policy on one prompt split: generate (cached), score (cached), average. */
export async function measurePolicies(ctx: MeasureContext, policies: readonly PolicySpec[], prompts: readonly Prompt[]): Promise<Measurement> {
  const answers = await generateAnswers({
    db: ctx.db,
    llm: ctx.llm,
    modelKey: ctx.modelKey,
    policies,
    prompts,
    seeds: ctx.seeds,
    concurrency: ctx.concurrency,
    signal: ctx.signal,
    onTick: ctx.onTick,
  });
  const inputs = answers.samples.map((s) => ({ prompt: s.prompt, response: s.response }));
  const perTrait: Array<Array<number | null>> = [];
  const scores = { scored: 0, cached: 0 };
  for (const reward of ctx.rewards) {
    const result = await scoreWithCache(ctx.db, reward, inputs);
    perTrait.push(result.scores);
    scores.scored += result.stats.scored;
    scores.cached += result.stats.cached;
  }
  const bySample = answers.samples.map((_, i) => perTrait.map((column) => column[i] ?? null));
  return {
    estimates: estimateRewards(answers.samples, bySample, ctx.rewards.length),
    samples: answers.samples,
    generations: { fresh: answers.fresh, cached: answers.cached },
    scores,
  };
}

/** An estimate is usable when every trait has at least one score. */
export function isComplete(e: RewardEstimate): boolean {
  return e.mean.every((m) => Number.isFinite(m));
}
