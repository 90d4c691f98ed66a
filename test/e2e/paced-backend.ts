import { setTimeout as sleep } from 'node:timers/promises';
import type { LlmBackend } from '../../server/llm/llm.types';

/**
 * The real backend, with a pause before each piece: the tiny test model answers in a few
 * milliseconds, too fast for a person (or a test) to stop it, reload or drop the connection mid-answer.
 */
export function paced(inner: LlmBackend, delayMs: number): LlmBackend {
  return {
    info: inner.info,
    async *generate(request) {
      for await (const piece of inner.generate(request)) {
        try {
          await sleep(delayMs, undefined, { signal: request.signal });
        } catch {
          return; // aborted: end quietly, as the backend contract says
        }
        yield piece;
      }
    },
    close: () => inner.close(),
  };
}
