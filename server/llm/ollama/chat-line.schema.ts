import { z } from 'zod';
import type { FinishReason, GenerationStats } from '../llm.types';

const logprobSchema = z.object({ token: z.string(), logprob: z.number() });
export const tokenLogprobSchema = logprobSchema.extend({ top_logprobs: z.array(logprobSchema).optional() });
export type TokenLogprob = z.infer<typeof tokenLogprobSchema>;

/**
 * One line of a streamed /api/chat answer. Unknown fields are allowed (Ollama adds fields over
 * versions); the fields we read are checked so that a shape change fails loudly.
 */
export const chatLineSchema = z.union([
  z.object({ error: z.string() }),
  z.object({
    message: z.object({ role: z.string(), content: z.string(), thinking: z.string().optional() }).optional(),
    done: z.boolean(),
    done_reason: z.string().optional(),
    logprobs: z.array(tokenLogprobSchema).nullish(),
    total_duration: z.number().optional(),
    load_duration: z.number().optional(),
    prompt_eval_count: z.number().optional(),
    eval_count: z.number().optional(),
    eval_duration: z.number().optional(),
  }),
]);
export type ChatLine = z.infer<typeof chatLineSchema>;
export type ChatDataLine = Exclude<ChatLine, { error: string }>;

const ms = (nanos: number | undefined): number => (nanos ?? 0) / 1e6;

/** Ollama reports durations in nanoseconds. */
export function statsOf(line: ChatDataLine): GenerationStats {
  return {
    promptTokens: line.prompt_eval_count ?? 0,
    evalTokens: line.eval_count ?? 0,
    evalDurationMs: ms(line.eval_duration),
    loadDurationMs: ms(line.load_duration),
    totalDurationMs: ms(line.total_duration),
  };
}

/** Ollama says 'length' when num_predict cut the answer; anything else ('stop', 'unload', none) is a natural end. */
export function finishReasonOf(doneReason: string | undefined): FinishReason {
  return doneReason === 'length' ? 'length' : 'stop';
}
