import type { Router } from 'express';
import { SendRateLimiter, type RateLimitOptions } from '../chat/send-rate-limit';
import type { AppServer } from '../chat/socket-handler';
import type { Db } from '../db/client';
import { routeMounter } from '../http/route';
import { adminRoutes } from './admin.routes';
import { authRoutes } from './auth.routes';
import { AuthService } from './auth.service';
import { readCookie, SESSION_COOKIE } from './cookie';
import type { ScryptCost } from './password.hash';
import { SessionStore } from './session.store';
import { socketKicker } from './socket-auth';
import { UserAdminService } from './user-admin.service';
import { UserRepository } from './user.repository';

export interface AuthOptions {
  sessionTtlMs: number;
  /** Mark the session cookie Secure (https only). */
  cookieSecure: boolean;
  /** Login and registration attempts per client address. */
  addressLimit: RateLimitOptions;
  /** Login (and password change) attempts per username: what stops guessing one account's password. */
  usernameLimit: RateLimitOptions;
  /** scrypt cost; tests may lower it, production keeps the default. */
  passwordCost?: ScryptCost;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  sessionTtlMs: 30 * 24 * 3600_000,
  cookieSecure: false,
  addressLimit: { burst: 20, perMinute: 10 },
  usernameLimit: { burst: 5, perMinute: 2 },
};

export type AuthParts = ReturnType<typeof createAuth>;

/** Accounts, sessions and their routes, built from the database, the socket server and the options. */
export function createAuth(db: Db, io: AppServer, clock: () => number, options: AuthOptions) {
  const users = new UserRepository(db, clock);
  const sessions = new SessionStore(db, clock, options.sessionTtlMs);
  const kicker = socketKicker(io);
  const auth = new AuthService({
    db,
    users,
    sessions,
    kicker,
    addressLimiter: new SendRateLimiter(clock, options.addressLimit, 'login attempts'),
    usernameLimiter: new SendRateLimiter(clock, options.usernameLimit, 'login attempts for this account'),
    ...(options.passwordCost ? { passwordCost: options.passwordCost } : {}),
  });
  const admin = new UserAdminService({ db, users, sessions, kicker });
  const route = (router: Router) =>
    routeMounter(router, (req) => {
      const token = readCookie(req.headers.cookie, SESSION_COOKIE);
      return token === undefined ? null : sessions.lookup(token);
    });
  const mountRoutes = (mounter: ReturnType<typeof route>): void => {
    authRoutes(mounter, { auth, users, cookie: { secure: options.cookieSecure } });
    adminRoutes(mounter, admin);
  };
  return { users, sessions, auth, admin, route, mountRoutes };
}
