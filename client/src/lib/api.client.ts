import type { z } from 'zod';
import { appErrorPayloadSchema, type Ack } from '../../../shared/schemas/result.schema';

const unreachable: Ack<never> = { ok: false, error: { code: 'backend_unavailable', message: 'The server is not reachable. Please try again.' } };

/**
 * A JSON request to the REST API (same origin, the session cookie goes with it), answered in
 * the socket's Ack shape so callers handle one kind of failure. The answer is parsed with
 * `schema`, so a wrong shape is an error here rather than a crash later.
 *
 * @example const ack = await apiRequest('POST', '/api/auth/login', meSchema, { username, password });
 */
export async function apiRequest<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<Ack<z.output<S>>> {
  let res: Response;
  let json: unknown;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    json = res.status === 204 ? null : await res.json();
  } catch {
    return unreachable;
  }
  if (!res.ok) {
    const error = appErrorPayloadSchema.safeParse(typeof json === 'object' && json !== null && 'error' in json ? json.error : null);
    return { ok: false, error: error.success ? error.data : { code: 'internal', message: `the server answered ${res.status}` } };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: { code: 'internal', message: 'the server sent an unexpected answer' } };
}
