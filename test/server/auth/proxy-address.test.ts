import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress } from '../../../server/http/client-address';
import { sendPayload } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

describe('client addresses behind a reverse proxy', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('believes only as many X-Forwarded-For entries as there are trusted proxies', () => {
    const xff = (v: string) => ({ 'x-forwarded-for': v });
    expect(clientAddress(xff('1.1.1.1'), '10.0.0.1', 0)).toBe('10.0.0.1');
    expect(clientAddress(xff('1.1.1.1'), '10.0.0.1', 1)).toBe('1.1.1.1');
    // A client-forged entry sits left of what the trusted proxy appended.
    expect(clientAddress(xff('6.6.6.6, 1.1.1.1'), '10.0.0.1', 1)).toBe('1.1.1.1');
    expect(clientAddress(xff('6.6.6.6, 1.1.1.1, 10.0.0.2'), '10.0.0.1', 2)).toBe('1.1.1.1');
    expect(clientAddress({}, '10.0.0.1', 1)).toBe('10.0.0.1');
  });

  it('keeps login and send limits per real client, not per proxy', async () => {
    server = await startTestServer({ trustedProxyHops: 1, auth: { addressLimit: { burst: 3, perMinute: 1 } }, sendLimit: { burst: 1, perMinute: 1 } });
    const login = (from: string) =>
      fetch(`${server?.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ username: 'nobody', password: 'x' }) });
    const statuses = [];
    for (const from of ['1.1.1.1', '1.1.1.1', '1.1.1.1', '1.1.1.1', '2.2.2.2']) statuses.push((await login(from)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 401]);

    const a = await server.connect({ as: 'alice', headers: { 'x-forwarded-for': '3.3.3.3' } });
    const b = await server.connect({ as: 'bob', headers: { 'x-forwarded-for': '4.4.4.4' } });
    expect((await a.emitWithAck('chat:send', sendPayload())).ok).toBe(true);
    expect(await a.emitWithAck('chat:send', sendPayload())).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect((await b.emitWithAck('chat:send', sendPayload())).ok).toBe(true);
  });
});
