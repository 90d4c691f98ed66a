import type { Server, Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientEventName, ClientToServerEvents, ServerToClientEvents } from '../../shared/events';
import type { AckFn } from '../../shared/schemas/result.schema';
import { authorize, EVENT_ROLES } from '../auth/access';
import type { SessionUser } from '../auth/session.store';
import { fromZodError, toClientError, type Logger } from '../errors';

/** What every listener needs: where to log, and who is behind the socket right now. */
export interface HandlerContext {
  log: Logger;
  /** Re-read per event, so a logout, an expiry, a disabled account or a role change applies at once. */
  currentUser: () => SessionUser | null;
  /** The client's address (through trusted proxies), for per-address limits. */
  address: string;
}

type HandlerFn<S extends z.ZodType, T> = (input: z.output<S>, user: SessionUser) => T | Promise<T>;

/**
 * A socket.io listener that accepts whatever a client emits. Typed with the event's ack so
 * `socket.on(event, handle(...))` checks the handler's result against the shared contract.
 */
export type SafeListener<T> = (payload: unknown, ack: AckFn<T> | undefined) => void;

/**
 * The socket transport's one error boundary: checks the event's role (EVENT_ROLES), parses the
 * payload with its zod schema, runs the handler and acks `{ok: true, data}`; an AppError becomes `{ok: false, error}`, anything else a
 * logged generic `internal` error. A missing or non-function ack (a careless or malicious
 * client) never crashes the server: the work still runs, the reply is dropped.
 */
export function handle<S extends z.ZodType, T>(event: ClientEventName, schema: S, fn: HandlerFn<S, T>, ctx: HandlerContext): SafeListener<T> {
  return (payload, ack) => {
    const reply: AckFn<T> = typeof ack === 'function' ? ack : () => undefined;
    void run(event, schema, fn, payload, ctx).then((result) => {
      try {
        reply(result);
      } catch (error) {
        ctx.log.warn(`could not acknowledge ${event}`, { error: String(error) });
      }
    });
  };
}

async function run<S extends z.ZodType, T>(
  event: ClientEventName,
  schema: S,
  fn: HandlerFn<S, T>,
  payload: unknown,
  ctx: HandlerContext,
): Promise<Parameters<AckFn<T>>[0]> {
  try {
    const user = ctx.currentUser();
    authorize(EVENT_ROLES[event], user);
    // authorize() let an anonymous caller through only for 'anonymous' events, and there are none.
    if (!user) throw new Error(`no user for ${event}`);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toPayload() };
    return { ok: true, data: await fn(parsed.data, user) };
  } catch (error) {
    return { ok: false, error: toClientError(error, ctx.log, event).toPayload() };
  }
}

/** Events without arguments take `{}` (or nothing); anything else is refused. */
export const emptyPayloadSchema = z.strictObject({}).optional();

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Every tab showing a conversation joins its room, so all of them see the same stream. */
export const conversationRoom = (conversationId: string): string => `conversation:${conversationId}`;
