import type { TokenLogprob } from '../../llm/ollama/chat-line.schema';
import { chatLines, type ChatBody } from '../../llm/ollama/chat-stream';
import type { OllamaConnection } from '../../llm/ollama/ollama-connection';
import type { RewardFunction, RewardInput } from '../reward.types';

export interface JudgeReply {
  content: string;
  /** Per generated token, when the server returns logprobs (recent Ollama versions, with `logprobs: true`). */
  logprobs: TokenLogprob[];
}

/** One judge call: the whole answer and any logprobs, collected from the stream. */
export async function judgeChat(conn: OllamaConnection, body: ChatBody, signal?: AbortSignal): Promise<JudgeReply> {
  let content = '';
  const logprobs: TokenLogprob[] = [];
  for await (const line of chatLines(conn, body, signal)) {
    content += line.message?.content ?? '';
    logprobs.push(...(line.logprobs ?? []));
  }
  return { content, logprobs };
}

export type JudgeLog = (line: string) => void;

/**
 * A reward scored by a judge model, one `scoreOne` call per batch item. Every item runs at
 * once; the connection's slots bound what reaches the server. A failed item is null (missing,
 * never 0) and gets a log line naming the reward and the reason, so one bad judge answer never
 * stops a build.
 */
export function judgeReward(
  trait: RewardFunction['trait'],
  id: string,
  log: JudgeLog,
  scoreOne: (input: RewardInput) => Promise<number>,
): RewardFunction {
  return { trait, id, version: 1, score: (batch) => scoreEach(id, batch, log, scoreOne) };
}

async function scoreEach(
  rewardId: string,
  batch: readonly RewardInput[],
  log: JudgeLog,
  scoreOne: (input: RewardInput) => Promise<number>,
): Promise<Array<number | null>> {
  return Promise.all(
    batch.map(async (input, i) => {
      try {
        return await scoreOne(input);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log(`judge ${rewardId}: answer ${i + 1}/${batch.length} left unscored (${reason}); prompt ${JSON.stringify(input.prompt.slice(0, 60))}`);
        return null;
      }
    }),
  );
}

/** A judge answer that does not follow the expected format; the message quotes it. */
export class JudgeFormatError extends Error {
  override name = 'JudgeFormatError';
  constructor(expected: string, got: string) {
    super(`expected ${expected}, got ${JSON.stringify(got.length > 80 ? `${got.slice(0, 80)}…` : got)}`);
  }
}
