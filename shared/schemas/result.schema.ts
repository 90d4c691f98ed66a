import { z } from 'zod';

/** Error codes a client can act on; anything unexpected is reported as `internal`. */
export const errorCodeSchema = z.enum([
  'invalid_input',
  'not_found',
  'conflict',
  'backend_unavailable',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorPayloadSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Which fields were wrong, for invalid input. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppErrorPayload = z.infer<typeof appErrorPayloadSchema>;

/** Every socket request is acknowledged with exactly one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };
export type AckFn<T> = (result: Ack<T>) => void;
