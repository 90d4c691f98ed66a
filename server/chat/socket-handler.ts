import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/events';
import type { AckFn } from '../../shared/schemas/result.schema';
import { fromZodError, toClientError, type Logger } from '../errors';

/**
 * A socket.io listener that accepts whatever a client emits. Typed with the event's ack so
 * `socket.on(event, handle(...))` checks the handler's result against the shared contract.
 */
export type SafeListener<T> = (payload: unknown, ack: AckFn<T> | undefined) => void;

/**
 * The socket transport's one error boundary: parses the payload with its zod schema, runs the
 * handler and acks `{ok: true, data}`; an AppError becomes `{ok: false, error}`, anything else a
 * logged generic `internal` error. A missing or non-function ack (a careless or malicious
 * client) never crashes the server: the work still runs, the reply is dropped.
 */
export function handle<S extends z.ZodType, T>(
  event: string,
  schema: S,
  fn: (input: z.output<S>) => T | Promise<T>,
  log: Logger,
): SafeListener<T> {
  return (payload, ack) => {
    const reply: AckFn<T> = typeof ack === 'function' ? ack : () => undefined;
    void run(event, schema, fn, payload, log).then((result) => {
      try {
        reply(result);
      } catch (error) {
        log.warn(`could not acknowledge ${event}`, { error: String(error) });
      }
    });
  };
}

async function run<S extends z.ZodType, T>(
  event: string,
  schema: S,
  fn: (input: z.output<S>) => T | Promise<T>,
  payload: unknown,
  log: Logger,
): Promise<Parameters<AckFn<T>>[0]> {
  try {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toPayload() };
    return { ok: true, data: await fn(parsed.data) };
  } catch (error) {
    return { ok: false, error: toClientError(error, log, event).toPayload() };
  }
}

/** Events without arguments take `{}` (or nothing); anything else is refused. */
export const emptyPayloadSchema = z.strictObject({}).optional();

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Every tab showing a conversation joins its room, so all of them see the same stream. */
export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
