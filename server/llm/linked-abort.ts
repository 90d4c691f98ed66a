/**
 * A controller of our own that also aborts when `parent` does, so a stream can stop itself
 * (close(), an early break, a timeout) without aborting the caller's signal. Call `unlink`
 * when done so a long-lived parent signal does not keep the listener.
 */
export function linkedAbort(parent?: AbortSignal): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  parent?.addEventListener('abort', onAbort, { once: true });
  if (parent?.aborted) controller.abort();
  return { controller, unlink: () => parent?.removeEventListener('abort', onAbort) };
}
