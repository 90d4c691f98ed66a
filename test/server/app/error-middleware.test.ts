import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../server/errors';
import { errorMiddleware } from '../../../server/http/error.middleware';
import type { LogEntry } from '../../helpers/test-server';

describe('REST error middleware', () => {
  const logs: LogEntry[] = [];
  let url = '';
  let close: () => void = () => undefined;

  beforeAll(async () => {
    const app = express();
    app.get('/known', () => {
      throw new AppError('forbidden', 'admins only');
    });
    app.get('/bug', () => {
      throw new Error('undefined is not a function at /srv/secret.ts');
    });
    app.post('/json', express.json({ limit: '10b' }), (_req, res) => res.json({}));
    const entry = (level: LogEntry['level']) => (message: string, meta?: Record<string, unknown>) => logs.push({ level, message, meta });
    app.use(errorMiddleware({ info: entry('info'), warn: entry('warn'), error: entry('error') }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('renders an AppError with its status and message', async () => {
    const res = await fetch(`${url}/known`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'forbidden', message: 'admins only' } });
  });

  it('turns an unexpected error into a logged generic 500', async () => {
    const res = await fetch(`${url}/bug`);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).toContain('"code":"internal"');
    expect(body).not.toContain('secret');
    expect(logs.some((l) => l.level === 'error' && String(l.meta?.error).includes('secret.ts'))).toBe(true);
  });

  it('answers unreadable bodies with a 4xx invalid_input', async () => {
    const res = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"too": "long for the limit"}' });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
