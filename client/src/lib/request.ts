import type { Ack } from '../../../shared/schemas/result.schema';
import { socket } from './socket.client';

/**
 * Turns a rejected `emitWithAck` (timeout, dropped connection) into a failed ack,
 * so callers handle exactly one shape of failure.
 *
 * @example const ack = await settle(socket.emitWithAck('conversation:list', {}));
 */
export async function settle<T>(pending: Promise<Ack<T>>): Promise<Ack<T>> {
  try {
    return await pending;
  } catch {
    const why = socket.connected ? 'did not answer in time' : 'is not reachable (reconnecting…)';
    return { ok: false, error: { code: 'backend_unavailable', message: `The server ${why}. Please try again.` } };
  }
}

/** One line for an error ack: the server's message plus which fields were wrong. */
export function describeError(ack: Extract<Ack<unknown>, { ok: false }>): string {
  const fields = ack.error.issues?.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) ?? [];
  return fields.length > 0 ? `${ack.error.message} (${fields.join('; ')})` : ack.error.message;
}
