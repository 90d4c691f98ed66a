import { z } from 'zod';
import type { OllamaConnection } from '../../llm/ollama/ollama-connection';
import type { RewardFunction } from '../reward.types';
import { JudgeFormatError, judgeChat, judgeReward, type JudgeLog } from './judge-chat';

const MIN = 1;
const MAX = 10;

/** Structured output: Ollama constrains the judge to this JSON schema (`format`). */
export const RATING_FORMAT = {
  type: 'object',
  properties: { rating: { type: 'integer', minimum: MIN, maximum: MAX } },
  required: ['rating'],
} as const;

const SYSTEM = `You are a strict judge of humor. You read an exchange and rate how funny the assistant's answer is, from ${MIN} (not funny at all: plain, dry) to ${MAX} (genuinely funny: clever jokes or wordplay). Judge only the humor, not correctness or helpfulness. Reply with JSON only: {"rating": <integer ${MIN}-${MAX}>}.`;

/** The answer sits inside tags so that text in it cannot pass for instructions to the judge. */
export function ratingPrompt(prompt: string, response: string): string {
  return `<question>\n${prompt}\n</question>\n<answer>\n${response}\n</answer>\nRate the humor of the answer.`;
}

/** The rating mapped to [0, 1]; malformed JSON or a rating off the 1–10 scale is a format error, not a 0. */
export function parseRating(content: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new JudgeFormatError(`JSON {"rating": ${MIN}-${MAX}}`, content);
  }
  const rating = z.object({ rating: z.number().min(MIN).max(MAX) }).safeParse(parsed);
  if (!rating.success) throw new JudgeFormatError(`a rating from ${MIN} to ${MAX}`, content);
  return (rating.data.rating - MIN) / (MAX - MIN);
}

/** Humor rated by an instruct model with JSON output, normalized to [0, 1]. */
export function humorRatingReward(conn: OllamaConnection, model: string, log: JudgeLog): RewardFunction {
  return judgeReward('humor', `humor-judge:${model}`, log, async (input) => {
    const reply = await judgeChat(conn, {
      model,
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: ratingPrompt(input.prompt, input.response) },
      ],
      format: RATING_FORMAT,
      options: { temperature: 0, num_predict: 20, seed: 0 },
    });
    return parseRating(reply.content);
  });
}
