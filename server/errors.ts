import type { z } from 'zod';
import type { AppErrorPayload, ErrorCode } from '../shared/schemas/result.schema';

/** Where the server writes diagnostics; tests pass their own to keep expected failures quiet. */
export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, meta) => console.log(message, ...(meta ? [meta] : [])),
  warn: (message, meta) => console.warn(message, ...(meta ? [meta] : [])),
  error: (message, meta) => console.error(message, ...(meta ? [meta] : [])),
};

const DEFAULT_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  backend_unavailable: 503,
};

type Issue = NonNullable<AppErrorPayload['issues']>[number];

/** An error whose message is safe to show a client; anything else is reported as `internal`. */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number = DEFAULT_STATUS[code],
    readonly issues?: Issue[],
  ) {
    super(message);
  }

  toPayload(): AppErrorPayload {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export function fromZodError(error: z.ZodError): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(payload)', message: i.message }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new AppError('invalid_input', `invalid input: ${summary}`, 400, issues);
}

/**
 * The one translation from a thrown value to what a client may see: AppErrors keep their
 * message, everything else is logged in full and becomes a generic `internal` error.
 */
export function toClientError(error: unknown, log: Logger, context: string): AppError {
  if (error instanceof AppError) return error;
  log.error(`unexpected error in ${context}`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return new AppError('internal', 'something went wrong on the server; the error was logged');
}
