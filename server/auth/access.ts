import type { ClientEventName } from '../../shared/events';
import type { Role } from '../../shared/schemas/auth.schema';
import { AppError } from '../errors';
import type { SessionUser } from './session.store';

/** What a route or event needs: no session at all, or a role at least this high. */
export type Access = 'anonymous' | Role;

/** Each role includes the ones below it: an admin can do what an evaluator can, and so on. */
const RANK: Record<Role, number> = { pending: 0, user: 1, evaluator: 2, admin: 3 };

/**
 * The role every socket event needs. A Record over the contract's event names, so an event
 * added to shared/events.ts does not compile until it is given a role here.
 */
export const EVENT_ROLES: Record<ClientEventName, Role> = {
  'chat:send': 'user',
  'chat:stop': 'user',
  'chat:resume': 'user',
  'conversation:list': 'user',
  'conversation:get': 'user',
  'conversation:rename': 'user',
  'conversation:delete': 'user',
  'portfolio:active': 'user',
  'preferences:get': 'user',
  'preferences:set': 'user',
};

/** The role every REST route needs (paths below /api); routes are mounted only through this table. */
export const ROUTE_ROLES = {
  'GET /health': 'anonymous',
  'GET /auth/me': 'anonymous',
  'POST /auth/register': 'anonymous',
  'POST /auth/login': 'anonymous',
  'POST /auth/logout': 'pending',
  'POST /auth/password': 'pending',
  'GET /portfolio/active': 'user',
  'GET /admin/users': 'admin',
  'PATCH /admin/users/:id': 'admin',
  'GET /admin/settings': 'admin',
  'PUT /admin/settings': 'admin',
} as const satisfies Record<string, Access>;
export type RouteKey = keyof typeof ROUTE_ROLES;

/** Throws `unauthorized` without a session and `forbidden` when the role is too low. */
export function authorize(required: Access, user: SessionUser | null): void {
  if (required === 'anonymous') return;
  if (!user) throw new AppError('unauthorized', 'log in first');
  if (RANK[user.role] < RANK[required]) {
    throw new AppError('forbidden', user.role === 'pending' ? 'your account is waiting for an admin to approve it' : `this needs the ${required} role`);
  }
}
