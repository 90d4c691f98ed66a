import { describe, expect, it } from 'vitest';
import { AsyncQueue } from '../../../server/llm/async-queue';

async function drain<T>(queue: AsyncQueue<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of queue) items.push(item);
  return items;
}

describe('AsyncQueue', () => {
  it('delivers items pushed before and during iteration, then ends', async () => {
    const queue = new AsyncQueue<string>();
    queue.push('a');
    const result = drain(queue);
    queue.push('b');
    await Promise.resolve();
    queue.push('c');
    queue.end();
    queue.push('ignored after end');
    expect(await result).toEqual(['a', 'b', 'c']);
  });

  it('drains buffered items before reporting a failure', async () => {
    const queue = new AsyncQueue<number>();
    queue.push(1);
    queue.fail(new Error('boom'));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of queue) seen.push(item);
      })(),
    ).rejects.toThrow('boom');
    expect(seen).toEqual([1]);
  });

  it('rejects a consumer already waiting when it fails', async () => {
    const queue = new AsyncQueue<number>();
    const result = drain(queue);
    queue.fail(new Error('late'));
    await expect(result).rejects.toThrow('late');
  });
});
