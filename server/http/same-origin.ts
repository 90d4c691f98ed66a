import type { IncomingHttpHeaders } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';

/**
 * Defence in depth against cross-site request forgery and cross-site websocket hijacking, on
 * top of SameSite=Lax cookies (which still travel between sites on one domain, e.g. other ports
 * of the same host): a browser always names the page's origin, and it must be this server.
 * Requests without an Origin header (curl, scripts, same-origin GETs) carry no ambient page.
 * Behind a reverse proxy, the host the browser used is also accepted from X-Forwarded-Host.
 */
export function fromSameOrigin(headers: IncomingHttpHeaders): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const forwarded = headers['x-forwarded-host'];
  const hosts = [headers.host, ...(Array.isArray(forwarded) ? forwarded : [forwarded])].filter((h): h is string => h !== undefined);
  return hosts.some((h) => h.split(',')[0]?.trim() === originHost);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses state-changing API requests sent by another site's page. */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method) || fromSameOrigin(req.headers)) next();
  else next(new AppError('forbidden', 'cross-site request refused'));
};
