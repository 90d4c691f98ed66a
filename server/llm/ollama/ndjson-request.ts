import { linkedAbort } from '../linked-abort';
import { LlmError } from '../llm.types';
import { parseNdjson } from './ndjson-lines';
import { httpError, toLlmError, type ErrorContext } from './ollama-errors';

export interface StreamTimeouts {
  /** From sending the request to the first body byte: covers connecting and loading the model. */
  firstByteMs: number;
  /** Longest silence allowed between two body chunks once streaming. */
  idleMs: number;
}

export interface NdjsonRequest {
  ctx: ErrorContext;
  path: string;
  body: unknown;
  timeouts: StreamTimeouts;
  /** The caller's abort: the generator then ends quietly and the HTTP request is closed. */
  signal?: AbortSignal;
}

/**
 * POSTs a JSON body and yields the NDJSON objects of the streamed answer. Uses fetch directly
 * rather than the official client so that an abort works before the response headers arrive
 * (the client's abortable iterator exists only afterwards) and so that a finished or abandoned
 * iteration always closes the upstream connection, which makes Ollama stop generating.
 */
export async function* postNdjson(request: NdjsonRequest): AsyncGenerator<unknown> {
  const { ctx, signal, timeouts } = request;
  if (signal?.aborted) return;
  const { controller: upstream, unlink } = linkedAbort(signal);
  const timer = new Watchdog(() => upstream.abort());
  let streaming = false;
  try {
    timer.arm(timeouts.firstByteMs, 'first-byte');
    const response = await fetch(`${ctx.host}${request.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
      signal: upstream.signal,
    });
    if (!response.ok) throw httpError(ctx, response.status, await response.text());
    if (!response.body) throw new LlmError('upstream', `Ollama sent an empty body for ${request.path}`);
    streaming = true;
    const chunks = timedChunks(response.body, timer, timeouts);
    yield* parseNdjson(chunks);
  } catch (error) {
    if (signal?.aborted) return;
    if (timer.fired) throw timeoutError(ctx, timer.fired, timeouts);
    throw classify(error, ctx, streaming);
  } finally {
    timer.clear();
    unlink();
    // Closing an unfinished body closes the socket; Ollama cancels the generation when it sees that.
    upstream.abort();
  }
}

async function* timedChunks(body: ReadableStream<Uint8Array>, timer: Watchdog, timeouts: StreamTimeouts): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      timer.arm(timeouts.idleMs, 'idle');
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Once headers arrived, a failing fetch means the connection dropped mid-answer, not that Ollama is down. */
function classify(error: unknown, ctx: ErrorContext, streaming: boolean): LlmError {
  if (error instanceof LlmError || !streaming) return toLlmError(error, ctx);
  return new LlmError('upstream', `the connection to Ollama at ${ctx.host} broke in the middle of an answer from ${ctx.model}`, { cause: error });
}

function timeoutError(ctx: ErrorContext, which: 'first-byte' | 'idle', timeouts: StreamTimeouts): LlmError {
  const message =
    which === 'first-byte'
      ? `Ollama at ${ctx.host} did not start answering with ${ctx.model} within ${timeouts.firstByteMs} ms`
      : `Ollama at ${ctx.host} stopped sending for ${timeouts.idleMs} ms in the middle of an answer from ${ctx.model}`;
  return new LlmError('timeout', message);
}

/** One re-armable timer that remembers which deadline fired. */
class Watchdog {
  private handle: NodeJS.Timeout | undefined;
  fired: 'first-byte' | 'idle' | undefined;

  constructor(private readonly onFire: () => void) {}

  arm(ms: number, which: 'first-byte' | 'idle'): void {
    this.clear();
    this.handle = setTimeout(() => {
      this.fired = which;
      this.onFire();
    }, ms);
  }

  clear(): void {
    if (this.handle !== undefined) clearTimeout(this.handle);
    this.handle = undefined;
  }
}
