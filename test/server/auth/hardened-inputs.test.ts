import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userPreferences, users } from '../../../server/db/schema';
import { TEST_PASSWORD } from '../../helpers/test-accounts';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

const sliders = { safety: 0.5, humor: 0.5, brevity: 0.5 };

/** Registration bodies a hostile client could post; each must be refused with no account made. */
const BAD_REGISTRATIONS: Array<[string, unknown]> = [
  ['username is a number', { username: 42, password: TEST_PASSWORD }],
  ['password is an object', { username: 'mallory', password: { $gt: '' } }],
  ['missing password', { username: 'mallory' }],
  ['missing username', { password: TEST_PASSWORD }],
  ['empty object', {}],
  ['array body', [{ username: 'mallory', password: TEST_PASSWORD }]],
  ['short password', { username: 'mallory', password: 'short' }],
  ['huge password', { username: 'mallory', password: 'p'.repeat(257) }],
  ['huge username', { username: 'm'.repeat(33), password: TEST_PASSWORD }],
  ['username with markup', { username: '<script>', password: TEST_PASSWORD }],
  ['extra role field', { username: 'mallory', password: TEST_PASSWORD, role: 'admin' }],
];

const BAD_SLIDERS: Array<[string, unknown]> = [
  ['NaN (sent as null)', { sliders: { ...sliders, humor: Number.NaN } }],
  ['Infinity (sent as null)', { sliders: { ...sliders, humor: Number.POSITIVE_INFINITY } }],
  ['negative weight', { sliders: { ...sliders, safety: -0.01 } }],
  ['weight above 1', { sliders: { ...sliders, brevity: 1.5 } }],
  ['string weight', { sliders: { ...sliders, safety: '1' } }],
  ['missing weight', { sliders: { safety: 1, humor: 0 } }],
  ['extra trait', { sliders: { ...sliders, evil: 1 } }],
  ['missing sliders', {}],
  ['huge string', { sliders: 'x'.repeat(50_000) }],
];

describe('malformed and oversized input', () => {
  let server: TestServer;
  let client: TestClient;
  const userCount = () => server.db.select({ n: count() }).from(users).get()?.n;

  beforeAll(async () => {
    server = await startTestServer();
    client = await server.connect();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(BAD_REGISTRATIONS)('register with %s is refused with invalid_input and creates nothing', async (_name, body) => {
    const before = userCount();
    const res = await server.api('POST', '/api/auth/register', { body });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('invalid input') } });
    expect(userCount()).toBe(before);
  });

  it('refuses unreadable, mistyped and oversized REST bodies', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{"username": "a", ')).status).toBe(400);
    expect((await post('username=a&password=b', 'application/x-www-form-urlencoded')).status).toBe(400);
    const huge = await post(JSON.stringify({ username: 'a', password: 'b'.repeat(20_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const { user } = await server.accounts.get('tester');
    for (const body of [{ role: 'superuser' }, { disabled: 'yes' }, {}, { role: 'admin', extra: 1 }]) {
      expect((await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body })).status, JSON.stringify(body)).toBe(400);
    }
    expect((await server.api('PATCH', '/api/admin/users/not-a-uuid', { as: 'admin', body: { role: 'user' } })).status).toBe(400);
    expect((await server.api('PUT', '/api/admin/settings', { as: 'admin', body: { requireApproval: 'yes' } })).status).toBe(400);
    expect((await server.accounts.get('tester')).user.role).toBe('user');
  });

  it.each(BAD_SLIDERS)('preferences:set with %s is refused and stores nothing', async (_name, payload) => {
    const emitUnchecked = client.emitWithAck.bind(client) as (event: string, payload: unknown) => Promise<unknown>;
    expect(await emitUnchecked('preferences:set', payload)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(server.db.select({ n: count() }).from(userPreferences).get()?.n).toBe(0);
  });

  it('ignores unknown events and drops a client that sends a frame over the size cap, while serving others', async () => {
    const emitRaw = client.emit.bind(client) as (event: string, ...args: unknown[]) => unknown;
    emitRaw('admin:drop-database', {});
    emitRaw('__proto__', { polluted: true });
    expect(await client.emitWithAck('conversation:list', {})).toEqual({ ok: true, data: [] });

    const flooder = await server.connect({ as: 'flooder' });
    const dropped = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    const emitHuge = flooder.emit.bind(flooder) as (event: string, ...args: unknown[]) => unknown;
    emitHuge('chat:send', { conversationId: null, clientId: crypto.randomUUID(), content: 'x'.repeat(1_100_000), sliders });
    expect(await dropped).toBe('transport close');
    expect(await client.emitWithAck('preferences:set', { sliders })).toEqual({ ok: true, data: { sliders } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
