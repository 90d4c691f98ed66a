import { Semaphore } from './semaphore';
import type { StreamTimeouts } from './ndjson-request';

/** Shared by every request to one Ollama server: where it is, how long to wait, how many at once. */
export interface OllamaConnection {
  host: string;
  timeouts: StreamTimeouts;
  /** Requests in flight at most; match OLLAMA_NUM_PARALLEL so none waits in Ollama's own queue. */
  slots: Semaphore;
  /** Extra attempts after a connection error (never after any output); delay doubles each time. */
  retries: number;
  retryBaseMs: number;
  /** How long Ollama keeps the model loaded after a request (Ollama's duration string or seconds). */
  keepAlive: string | number;
  /**
   * Context length sent with every request. Ollama reloads a model when num_ctx changes, so the
   * base model, its policy models and a judge using the same model must all send one value.
   */
  numCtx?: number;
}

export interface ConnectionOptions {
  host: string;
  parallel?: number;
  firstByteTimeoutMs?: number;
  idleTimeoutMs?: number;
  retries?: number;
  retryBaseMs?: number;
  keepAlive?: string | number;
  numCtx?: number;
}

/** A host as configured (`http://gpu:11434/`) without trailing slashes, ready for `${host}/api/...`. */
export const trimHost = (host: string): string => host.replace(/\/+$/, '');

/** Defaults suit a GPU host: loading an 8B model can take tens of seconds before the first token. */
export function ollamaConnection(options: ConnectionOptions): OllamaConnection {
  return {
    host: trimHost(options.host),
    timeouts: { firstByteMs: options.firstByteTimeoutMs ?? 120_000, idleMs: options.idleTimeoutMs ?? 60_000 },
    slots: new Semaphore(options.parallel ?? 2),
    retries: options.retries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 500,
    keepAlive: options.keepAlive ?? '30m',
    numCtx: options.numCtx,
  };
}
