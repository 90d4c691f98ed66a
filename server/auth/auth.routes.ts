import type { Response } from 'express';
import { changePasswordSchema, credentialsSchema, emptyBodySchema, loginSchema, type PublicUser } from '../../shared/schemas/auth.schema';
import type { routeMounter } from '../http/route';
import type { AuthService, LoggedIn } from './auth.service';
import { SESSION_COOKIE } from './cookie';
import { toPublicUser, type UserRepository } from './user.repository';

export interface CookieOptions {
  /** Send the cookie over https only; set it when users reach the server through https. */
  secure: boolean;
}

type Mounter = ReturnType<typeof routeMounter>;

export function authRoutes(route: Mounter, deps: { auth: AuthService; users: UserRepository; cookie: CookieOptions }): void {
  const { auth, users, cookie } = deps;
  const setSession = (res: Response, session: LoggedIn): { user: PublicUser } => {
    // httpOnly: page scripts (and so injected ones) never see the token; Lax: other sites' forms
    // and requests do not carry it.
    res.cookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/', expires: new Date(session.expiresAt) });
    return { user: session.user };
  };

  route.public('GET /auth/me', emptyBodySchema, (_body, { user }) => {
    const row = user ? users.findById(user.id) : undefined;
    return { user: row ? toPublicUser(row) : null };
  });
  route.public('POST /auth/register', credentialsSchema, async (body, { req, res }) => setSession(res, await auth.register(body, req.ip ?? '')));
  route.public('POST /auth/login', loginSchema, async (body, { req, res }) =>
    setSession(res, await auth.login(body.username, body.password, req.ip ?? '')),
  );
  route.private('POST /auth/logout', emptyBodySchema, (_body, { user, res }) => {
    auth.logout(user);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookie.secure, path: '/' });
    return { loggedOut: true };
  });
  route.private('POST /auth/password', changePasswordSchema, async (body, { user }) => {
    await auth.changePassword(user, body);
    return { changed: true };
  });
}
