import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ClientToServerEvents } from '../../../shared/events';
import type { Ack } from '../../../shared/schemas/result.schema';
import type { SessionUser } from '../../../server/auth/session.store';
import { handle, type SafeListener } from '../../../server/chat/socket-handler';
import { AppError } from '../../../server/errors';
import type { LogEntry } from '../../helpers/test-server';

const schema = z.strictObject({ n: z.number() });

const alice: SessionUser = { sessionId: 's1', id: 'u1', username: 'alice', role: 'user' };

function setup(fn: (input: { n: number }) => unknown, user: SessionUser | null = alice) {
  const logs: LogEntry[] = [];
  const entry = (level: LogEntry['level']) => (message: string, meta?: Record<string, unknown>) => logs.push({ level, message, meta });
  const log = { info: entry('info'), warn: entry('warn'), error: entry('error') };
  // A real event name: the wrapper looks its role up in EVENT_ROLES (conversation:rename needs `user`).
  const listener = handle('conversation:rename', schema, fn, { log, address: '127.0.0.1', currentUser: () => user });
  const call = (payload: unknown) =>
    new Promise<Ack<unknown>>((resolve) => {
      listener(payload, resolve);
    });
  return { listener, call, logs };
}

describe('socket handler wrapper', () => {
  it('acks the result of a valid payload', async () => {
    const { call } = setup(async ({ n }) => n * 2);
    expect(await call({ n: 21 })).toEqual({ ok: true, data: 42 });
  });

  it('refuses a caller without a session or below the event\'s role before parsing or running anything', async () => {
    let ran = 0;
    expect(await setup(() => (ran += 1), null).call({ n: 1 })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await setup(() => (ran += 1), { ...alice, role: 'pending' }).call('garbage')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ran).toBe(0);
  });

  it('turns an invalid payload into invalid_input with the field paths', async () => {
    const { call } = setup(() => 1);
    const ack = await call({ n: 'x' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'n' }] } });
  });

  it('keeps an AppError message and hides anything else behind a logged internal error', async () => {
    expect(await setup(() => { throw new AppError('conflict', 'busy'); }).call({ n: 1 })).toEqual({ ok: false, error: { code: 'conflict', message: 'busy' } });
    const { call, logs } = setup(() => { throw new Error('SQLITE_CORRUPT at /secret/path'); });
    const ack = await call({ n: 1 });
    expect(ack).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(ack)).not.toContain('secret');
    expect(logs).toMatchObject([{ level: 'error', meta: { error: expect.stringContaining('SQLITE_CORRUPT') } }]);
  });

  it('runs without an ack and survives an ack that throws', async () => {
    let ran = 0;
    const { listener, logs } = setup(() => (ran += 1));
    listener({ n: 1 }, undefined);
    listener({ n: 1 }, () => {
      throw new Error('client gone');
    });
    await expect.poll(() => ran).toBe(2);
    await expect.poll(() => logs.length).toBe(1);
    expect(logs[0]).toMatchObject({ level: 'warn' });
  });

  it('is typed by the shared event contract', () => {
    expectTypeOf<SafeListener<{ deleted: true }>>().toExtend<ClientToServerEvents['conversation:delete']>();
    expectTypeOf<SafeListener<number>>().not.toExtend<ClientToServerEvents['conversation:delete']>();
  });
});
