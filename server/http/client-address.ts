import type { IncomingHttpHeaders } from 'node:http';

/**
 * The client's address for per-address limits. Behind `trustedHops` reverse proxies the TCP peer
 * is the proxy, so the address comes from X-Forwarded-For, counted from the right (each trusted
 * proxy appends the address it saw; anything further left could be forged by the client).
 * Same rule as express's `trust proxy` with a hop count.
 */
export function clientAddress(headers: IncomingHttpHeaders, remote: string, trustedHops: number): string {
  if (trustedHops <= 0) return remote;
  const header = headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const chain = [...forwarded, remote];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? remote;
}
