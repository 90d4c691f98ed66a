import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users } from '../../../server/db/schema';
import { sessionCookie, TEST_PASSWORD } from '../../helpers/test-accounts';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

const disconnected = (socket: TestClient) =>
  new Promise<string>((resolve) => {
    if (!socket.connected) resolve('already');
    socket.once('disconnect', resolve);
  });

async function login(server: TestServer, username: string, password = TEST_PASSWORD): Promise<Response> {
  return server.accounts.login(username, password);
}

describe('accounts and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('the first account is admin, later ones are users, pending while approval is on', async () => {
    expect((await server.accounts.get('admin')).user.role).toBe('admin');
    expect((await server.accounts.get('carol')).user.role).toBe('user');
    expect(await (await server.api('PUT', '/api/admin/settings', { as: 'admin', body: { requireApproval: true } })).json()).toEqual({ requireApproval: true });
    const res = await server.api('POST', '/api/auth/register', { body: { username: 'Dave', password: TEST_PASSWORD } });
    expect(await res.json()).toMatchObject({ user: { username: 'dave', role: 'pending' } });
    await server.api('PUT', '/api/admin/settings', { as: 'admin', body: { requireApproval: false } });
    // Usernames are case-insensitive: DAVE is dave.
    const again = await server.api('POST', '/api/auth/register', { body: { username: 'DAVE', password: TEST_PASSWORD } });
    expect(again.status).toBe(409);
    const me = await server.api('GET', '/api/auth/me', { cookie: sessionCookie(res) });
    expect(await me.json()).toMatchObject({ user: { username: 'dave', role: 'pending' } });
    expect(await (await server.api('GET', '/api/auth/me')).json()).toEqual({ user: null });
  });

  it('sets an httpOnly SameSite=Lax cookie and stores only hashes', async () => {
    const res = await login(server, 'carol');
    const header = res.headers.getSetCookie().join('\n');
    expect(header).toMatch(/palm_session=[\w-]{40,}; Path=\/; Expires=.*; HttpOnly; SameSite=Lax/);
    expect(header).not.toContain('Secure');
    const token = sessionCookie(res).split('=')[1] ?? '';
    const stored = server.db.select().from(sessions).all();
    expect(stored.some((s) => s.tokenHash === token || s.tokenHash.includes(token))).toBe(false);
    for (const u of server.db.select().from(users).all()) {
      expect(u.passwordHash).toMatch(/^scrypt\$v1\$32768\$8\$1\$/);
      expect(u.passwordHash).not.toContain(TEST_PASSWORD);
    }
  });

  it('logout ends that session\'s sockets and cookie, not the user\'s other sessions', async () => {
    const first = sessionCookie(await login(server, 'carol'));
    const second = sessionCookie(await login(server, 'carol'));
    const ending = await server.connect({ cookie: first });
    const staying = await server.connect({ cookie: second });
    const gone = disconnected(ending);
    expect((await server.api('POST', '/api/auth/logout', { cookie: first, body: {} })).status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await server.api('GET', '/api/portfolio/active', { cookie: first })).status).toBe(401);
    await expect(server.connect({ cookie: first })).rejects.toThrow('unauthorized');
    expect(staying.connected).toBe(true);
    expect(await staying.emitWithAck('conversation:list', {})).toMatchObject({ ok: true });
  });

  it('disabling an account ends all its sockets and refuses its logins until re-enabled', async () => {
    const socket = await server.connect({ as: 'erin' });
    const { user } = await server.accounts.get('erin');
    const gone = disconnected(socket);
    const patched = await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body: { disabled: true } });
    expect(await patched.json()).toMatchObject({ disabled: true });
    expect(await gone).toBe('io server disconnect');
    expect((await login(server, 'erin')).status).toBe(403);
    await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body: { disabled: false } });
    expect((await login(server, 'erin')).status).toBe(200);
  });

  it('changing the password needs the current one and ends the other sessions', async () => {
    const current = (await server.accounts.get('frank')).cookie;
    const other = await server.connect({ cookie: sessionCookie(await login(server, 'frank')) });
    const mine = await server.connect({ cookie: current });
    const wrong = await server.api('POST', '/api/auth/password', { cookie: current, body: { currentPassword: 'nope', newPassword: 'a new long password' } });
    expect(wrong.status).toBe(401);
    const gone = disconnected(other);
    const ok = await server.api('POST', '/api/auth/password', { cookie: current, body: { currentPassword: TEST_PASSWORD, newPassword: 'a new long password' } });
    expect(ok.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect(mine.connected).toBe(true);
    expect((await login(server, 'frank')).status).toBe(401);
    expect((await login(server, 'frank', 'a new long password')).status).toBe(200);
  });

  it('the last admin cannot demote or disable itself', async () => {
    const { user } = await server.accounts.get('admin');
    const res = await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body: { role: 'user' } });
    expect(res.status).toBe(409);
    expect((await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body: { disabled: true } })).status).toBe(409);
  });

  it('refuses writes and sockets from another site\'s page, accepts its own origin', async () => {
    const { cookie } = await server.accounts.get('carol');
    const post = (origin: string) =>
      fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'x', password: 'y' }) });
    const evil = await post('http://evil.example');
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { code: 'forbidden', message: 'cross-site request refused' } });
    expect((await post(server.url)).status).toBe(401);
    await expect(server.connect({ cookie: `${cookie}`, origin: 'http://localhost:1' })).rejects.toThrow('cross-site connection refused');
    expect((await server.connect({ cookie, origin: server.url })).connected).toBe(true);
  });

  it('sends security headers with pages and API answers', async () => {
    for (const path of ['/', '/api/health']) {
      const res = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('abuse limits on login', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('password guessing on one account meets the per-username limit, even with the right password', async () => {
    server = await startTestServer({ quietErrors: true });
    await server.accounts.get('victim');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await login(server, 'victim', `guess number ${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await login(server, 'victim');
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    // Other accounts are not locked out by it.
    expect((await login(server, 'admin')).status).toBe(200);
  });

  it('many usernames from one address meet the per-address limit', async () => {
    server = await startTestServer({ auth: { addressLimit: { burst: 3, perMinute: 1 } } });
    const statuses: number[] = [];
    for (const name of ['a1', 'a2', 'a3', 'a4']) statuses.push((await login(server, `${name}-nobody`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('sessions expire', async () => {
    server = await startTestServer({ auth: { sessionTtlMs: 400 } });
    const { cookie } = await server.accounts.get('brief');
    expect((await server.api('GET', '/api/portfolio/active', { cookie })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await server.api('GET', '/api/portfolio/active', { cookie })).status).toBe(401);
    await expect(server.connect({ cookie })).rejects.toThrow('unauthorized');
  });
});
