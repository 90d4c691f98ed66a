import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../../server/llm/ollama/semaphore';

describe('Semaphore', () => {
  it('admits at most `limit` holders, then the waiters in arrival order', async () => {
    const slots = new Semaphore(2);
    const order: number[] = [];
    const a = await slots.acquire();
    const b = await slots.acquire();
    const c = slots.acquire().then((release) => (order.push(3), release));
    const d = slots.acquire().then((release) => (order.push(4), release));
    await Promise.resolve();
    expect(slots.inUse).toBe(2);
    expect(order).toEqual([]);
    a();
    a(); // a second call of the same release must not free another slot
    (await c)();
    b();
    (await d)();
    expect(order).toEqual([3, 4]);
    expect(slots.inUse).toBe(0);
  });

  it('lets an aborted waiter leave the queue without taking a slot', async () => {
    const slots = new Semaphore(1);
    const held = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    held();
    expect(slots.inUse).toBe(0);
    const again = await slots.acquire();
    expect(slots.inUse).toBe(1);
    again();
  });
});
