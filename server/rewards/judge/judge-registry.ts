import { ollamaConnection, type ConnectionOptions } from '../../llm/ollama/ollama-connection';
import { brevityReward } from '../brevity.reward';
import type { RewardFunction } from '../reward.types';
import { guardSafetyReward } from './guard-safety.reward';
import { humorRatingReward } from './humor-rating.reward';
import type { JudgeLog } from './judge-chat';

export interface OllamaJudgeOptions extends ConnectionOptions {
  safetyModel: string;
  humorModel: string;
  log: JudgeLog;
  /** Give the generation backend's value: the humor judge often runs on the base model itself. */
  numCtx?: number;
}

/**
 * The reward set with LLM judges on Ollama, in TRAITS order (safety, humor, brevity).
 * Brevity stays exact: counting words needs no model.
 */
export function ollamaJudgeRewards(options: OllamaJudgeOptions): RewardFunction[] {
  // Judges answer in a few tokens: a short first-byte timeout still leaves time to load the model.
  const conn = ollamaConnection({ firstByteTimeoutMs: 120_000, idleTimeoutMs: 30_000, ...options });
  return [guardSafetyReward(conn, options.safetyModel, options.log), humorRatingReward(conn, options.humorModel, options.log), brevityReward];
}
