/** Thrown to a waiter whose AbortSignal fired before a slot became free. */
export class PoolWaitAborted extends Error {
  constructor() {
    super('aborted while waiting for a free sequence');
    this.name = 'PoolWaitAborted';
  }
}

interface Waiter<T> {
  resolve: (item: T) => void;
  reject: (error: unknown) => void;
}

/**
 * Hands out a fixed set of resources (context sequences) one request at a time.
 * Requests beyond the pool size wait in FIFO order; an aborted waiter leaves the queue
 * so it never takes a slot from someone still waiting.
 */
export class SequencePool<T> {
  private readonly free: T[];
  private readonly waiters: Waiter<T>[] = [];
  private closedError: Error | null = null;

  constructor(items: readonly T[]) {
    this.free = [...items];
  }

  get freeCount(): number {
    return this.free.length;
  }

  get waitingCount(): number {
    return this.waiters.length;
  }

  acquire(signal?: AbortSignal): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    if (signal?.aborted) return Promise.reject(new PoolWaitAborted());
    const item = this.free.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        reject(new PoolWaitAborted());
      };
      const waiter: Waiter<T> = {
        resolve: (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(item: T): void {
    const next = this.waiters.shift();
    if (next) next.resolve(item);
    else this.free.push(item);
  }

  /** Rejects everyone still waiting; later acquires fail with the same error. */
  close(error: Error): void {
    this.closedError = error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }
}
