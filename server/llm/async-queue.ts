/**
 * A one-consumer async queue: bridges a push-style callback (like node-llama-cpp's
 * `onTextChunk`) into an async iterable. Pushes after `end`/`fail` are ignored so a late
 * callback from a stopping generation cannot resurrect a finished stream.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | null = null;
  private rejectWaiting: ((error: unknown) => void) | null = null;
  private closed = false;
  private error: unknown = null;
  private failed = false;

  push(item: T): void {
    if (this.closed) return;
    if (this.waiting) this.settle({ value: item, done: false });
    else this.items.push(item);
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.waiting) this.settle({ value: undefined, done: true });
  }

  fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.failed = true;
    this.error = error;
    const reject = this.rejectWaiting;
    this.waiting = null;
    this.rejectWaiting = null;
    reject?.(error);
  }

  private settle(result: IteratorResult<T>): void {
    const resolve = this.waiting;
    this.waiting = null;
    this.rejectWaiting = null;
    resolve?.(result);
  }

  private next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    // Buffered items drain before an end or a failure is reported.
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.failed) return Promise.reject(this.error);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.rejectWaiting = reject;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next() };
  }
}
