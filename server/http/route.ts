import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import { authorize, ROUTE_ROLES, type RouteKey } from '../auth/access';
import type { SessionUser } from '../auth/session.store';
import { fromZodError } from '../errors';

type PublicRouteKey = { [K in RouteKey]: (typeof ROUTE_ROLES)[K] extends 'anonymous' ? K : never }[RouteKey];
type PrivateRouteKey = Exclude<RouteKey, PublicRouteKey>;

export interface RouteContext<U> {
  user: U;
  req: Request;
  res: Response;
}

type RouteFn<S extends z.ZodType, U, T> = (body: z.output<S>, ctx: RouteContext<U>) => T | Promise<T>;

/**
 * The REST transport's one boundary, the twin of the socket `handle()`: a route is mounted by
 * its key in ROUTE_ROLES (so it cannot exist without a role), its role is checked, its JSON
 * body parsed with its zod schema, and the result sent as JSON (204 when there is none).
 * Errors go to the error middleware.
 */
export function routeMounter(router: Router, currentUser: (req: Request) => SessionUser | null) {
  function mount<S extends z.ZodType, U, T>(key: RouteKey, schema: S, fn: RouteFn<S, U, T>, user: (req: Request) => U): void {
    const [method = '', path = ''] = key.split(' ');
    router[verb(method)](path, async (req, res, next) => {
      try {
        const who = user(req);
        const parsed = schema.safeParse(req.body ?? {});
        if (!parsed.success) throw fromZodError(parsed.error);
        const result = await fn(parsed.data, { user: who, req, res });
        if (result === undefined) res.status(204).end();
        else res.json(result);
      } catch (error) {
        next(error);
      }
    });
  }
  return {
    /** A route anyone may call; `user` is null without a session. */
    public<S extends z.ZodType, T>(key: PublicRouteKey, schema: S, fn: RouteFn<S, SessionUser | null, T>): void {
      mount(key, schema, fn, currentUser);
    },
    /** A route that needs a session with at least the table's role. */
    private<S extends z.ZodType, T>(key: PrivateRouteKey, schema: S, fn: RouteFn<S, SessionUser, T>): void {
      mount(key, schema, fn, (req) => requireRole(ROUTE_ROLES[key], currentUser(req)));
    },
  };
}

function requireRole(required: (typeof ROUTE_ROLES)[PrivateRouteKey], user: SessionUser | null): SessionUser {
  authorize(required, user);
  if (!user) throw new Error('unreachable: authorize() refuses anonymous callers of private routes');
  return user;
}

function verb(method: string): 'get' | 'post' | 'put' | 'patch' | 'delete' {
  switch (method) {
    case 'GET':
      return 'get';
    case 'POST':
      return 'post';
    case 'PUT':
      return 'put';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return 'delete';
    default:
      throw new Error(`unknown HTTP method in route key: ${method}`);
  }
}

/** Path parameters are input too: parsed like bodies, refused with the same clear error. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
