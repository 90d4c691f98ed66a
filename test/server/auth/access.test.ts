import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientEventName } from '../../../shared/events';
import { EVENT_ROLES, ROUTE_ROLES, type Access, type RouteKey } from '../../../server/auth/access';
import { sessionCookie, type AccountRole } from '../../helpers/test-accounts';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

/** Every kind of caller: no session, each role, and an account disabled after it logged in. */
const CALLERS = ['anonymous', 'pending', 'user', 'evaluator', 'admin', 'disabled'] as const;
type Caller = (typeof CALLERS)[number];
const RANK: Record<Access, number> = { anonymous: -1, pending: 0, user: 1, evaluator: 2, admin: 3 };

function expected(required: Access, caller: Caller): 'allowed' | 'unauthorized' | 'forbidden' {
  if (required === 'anonymous') return 'allowed';
  if (caller === 'anonymous' || caller === 'disabled') return 'unauthorized';
  return RANK[caller] >= RANK[required] ? 'allowed' : 'forbidden';
}

const ROUTES = Object.keys(ROUTE_ROLES) as RouteKey[];
const EVENTS = Object.keys(EVENT_ROLES) as ClientEventName[];

describe('every route and event against every kind of caller', () => {
  let server: TestServer;
  const sockets = new Map<Caller, TestClient>();

  const cookieOf = async (caller: Caller, route: RouteKey): Promise<string | undefined> => {
    if (caller === 'anonymous') return undefined;
    const account = await server.accounts.get(`${caller}-caller`, caller as AccountRole);
    // Logging out would end the session the other checks use: log out a second session instead.
    if (route !== 'POST /auth/logout' || caller === 'disabled') return account.cookie;
    const res = await server.accounts.login(`${caller}-caller`);
    return sessionCookie(res);
  };

  beforeAll(async () => {
    server = await startTestServer();
    for (const caller of CALLERS) {
      if (caller === 'anonymous' || caller === 'disabled') continue;
      sockets.set(caller, await server.connect({ as: `${caller}-caller`, role: caller }));
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(CALLERS.flatMap((caller) => ROUTES.map((route) => [route, caller] as const)))('%s as %s', async (route, caller) => {
    const [method = '', path = ''] = route.split(' ');
    const cookie = await cookieOf(caller, route);
    // Empty bodies: an allowed caller gets a validation error at worst, and nothing changes.
    const res = await server.api(method, `/api${path.replace(':id', randomUUID())}`, { ...(method === 'GET' ? {} : { body: {} }), ...(cookie ? { cookie } : {}) });
    const outcome = expected(ROUTE_ROLES[route], caller);
    if (outcome === 'allowed') expect([401, 403]).not.toContain(res.status);
    else expect(res.status).toBe(outcome === 'unauthorized' ? 401 : 403);
    if (outcome !== 'allowed') expect(await res.json()).toMatchObject({ ok: false, error: { code: outcome } });
  });

  it.each(CALLERS.flatMap((caller) => EVENTS.map((event) => [event, caller] as const)))('%s as %s', async (event, caller) => {
    const outcome = expected(EVENT_ROLES[event], caller);
    const socket = sockets.get(caller);
    if (!socket) {
      // No session, no socket: the handshake itself is refused.
      const account = caller === 'disabled' ? await server.accounts.get('disabled-caller', 'disabled') : undefined;
      await expect(server.connect({ cookie: account?.cookie ?? null })).rejects.toThrow('unauthorized');
      expect(outcome).toBe('unauthorized');
      return;
    }
    const emitUnchecked = socket.emitWithAck.bind(socket) as (event: string, payload: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
    const ack = await emitUnchecked(event, {});
    if (outcome === 'allowed') expect(['unauthorized', 'forbidden']).not.toContain(ack.error?.code);
    else expect(ack).toMatchObject({ ok: false, error: { code: outcome } });
  });

  it('a new role takes effect on live sockets without reconnecting', async () => {
    const socket = await server.connect({ as: 'promoted', role: 'pending' });
    expect(await socket.emitWithAck('conversation:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { user } = await server.accounts.get('promoted');
    await server.api('PATCH', `/api/admin/users/${user.id}`, { as: 'admin', body: { role: 'user' } });
    expect(await socket.emitWithAck('conversation:list', {})).toEqual({ ok: true, data: [] });
  });
});
