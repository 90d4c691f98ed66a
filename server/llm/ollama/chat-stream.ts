import { LlmError } from '../llm.types';
import { chatLineSchema, type ChatDataLine } from './chat-line.schema';
import { postNdjson } from './ndjson-request';
import type { OllamaConnection } from './ollama-connection';

/** The body of POST /api/chat as we send it (Ollama's field names). */
export interface ChatBody {
  model: string;
  messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>;
  options?: Record<string, number | undefined>;
  format?: 'json' | Record<string, unknown>;
  logprobs?: boolean;
  top_logprobs?: number;
}

/**
 * Streams the lines of one chat answer: waits for a slot, retries only connection failures that
 * happened before any line arrived, turns an `{"error"}` line into an LlmError, and fails when
 * the stream ends without its `done` line (a crashed server must not look like a short answer).
 * Ends quietly when `signal` aborts.
 */
export async function* chatLines(conn: OllamaConnection, body: ChatBody, signal?: AbortSignal): AsyncGenerator<ChatDataLine> {
  let release: () => void;
  try {
    release = await conn.slots.acquire(signal);
  } catch (error) {
    if (signal?.aborted) return;
    throw error;
  }
  try {
    for (let attempt = 0; ; attempt++) {
      let received = false;
      try {
        for await (const line of attemptChat(conn, body, signal)) {
          received = true;
          yield line;
        }
        return;
      } catch (error) {
        const retryable = !received && error instanceof LlmError && error.code === 'unreachable' && attempt < conn.retries;
        if (!retryable) throw error;
        if (!(await pause(conn.retryBaseMs * 2 ** attempt, signal))) return;
      }
    }
  } finally {
    release();
  }
}

async function* attemptChat(conn: OllamaConnection, body: ChatBody, signal?: AbortSignal): AsyncGenerator<ChatDataLine> {
  const ctx = { host: conn.host, model: body.model };
  const options = conn.numCtx === undefined ? body.options : { num_ctx: conn.numCtx, ...body.options };
  const request = { ctx, path: '/api/chat', body: { ...body, options, stream: true, keep_alive: conn.keepAlive }, timeouts: conn.timeouts, signal };
  for await (const raw of postNdjson(request)) {
    const parsed = chatLineSchema.safeParse(raw);
    if (!parsed.success) throw new LlmError('upstream', `Ollama sent an unexpected chat line: ${JSON.stringify(raw).slice(0, 200)}`);
    const line = parsed.data;
    if ('error' in line) throw new LlmError('upstream', `Ollama failed while answering with ${body.model}: ${line.error}`);
    yield line;
    if (line.done) return;
  }
  if (signal?.aborted) return;
  throw new LlmError('upstream', `Ollama ended the answer from ${body.model} without its final line (the server may have crashed)`);
}

/** Resolves true after `ms`, or false at once when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
