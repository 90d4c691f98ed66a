import { describe, expect, it } from 'vitest';
import { PoolWaitAborted, SequencePool } from '../../../server/llm/sequence-pool';

describe('SequencePool', () => {
  it('hands out free items, then serves waiters in FIFO order', async () => {
    const pool = new SequencePool(['a']);
    expect(await pool.acquire()).toBe('a');
    const order: string[] = [];
    const first = pool.acquire().then((item) => order.push(`first:${item}`));
    const second = pool.acquire().then((item) => order.push(`second:${item}`));
    expect(pool.waitingCount).toBe(2);
    pool.release('a');
    await first;
    pool.release('a');
    await second;
    expect(order).toEqual(['first:a', 'second:a']);
  });

  it('removes an aborted waiter so the next waiter gets the slot', async () => {
    const pool = new SequencePool([1]);
    await pool.acquire();
    const controller = new AbortController();
    const aborted = pool.acquire(controller.signal);
    const patient = pool.acquire();
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(PoolWaitAborted);
    expect(pool.waitingCount).toBe(1);
    pool.release(1);
    expect(await patient).toBe(1);
    expect(pool.freeCount).toBe(0);
  });

  it('rejects an already aborted request without taking an item', async () => {
    const pool = new SequencePool([1]);
    const controller = new AbortController();
    controller.abort();
    await expect(pool.acquire(controller.signal)).rejects.toBeInstanceOf(PoolWaitAborted);
    expect(pool.freeCount).toBe(1);
  });

  it('rejects waiters and later requests once closed', async () => {
    const pool = new SequencePool<number>([]);
    const waiting = pool.acquire();
    pool.close(new Error('closed'));
    await expect(waiting).rejects.toThrow('closed');
    await expect(pool.acquire()).rejects.toThrow('closed');
  });
});
