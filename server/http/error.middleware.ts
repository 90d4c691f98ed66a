import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toClientError, type Logger } from '../errors';

/** Unknown API paths answer in the same error shape as every other failure. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no API route ${req.method} ${req.path}`));
};

/**
 * The REST transport's one error boundary: an AppError keeps its status and message,
 * anything else is logged and becomes a generic 500. Body-parser errors carry a 4xx status.
 */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const clientError =
      !(error instanceof AppError) && isHttpClientError(error)
        ? new AppError('invalid_input', 'the request could not be read', error.status)
        : toClientError(error, log, `${req.method} ${req.path}`);
    res.status(clientError.status).json({ ok: false, error: clientError.toPayload() });
  };
}

function isHttpClientError(error: unknown): error is { status: number } {
  if (typeof error !== 'object' || error === null || !('status' in error)) return false;
  const { status } = error;
  return typeof status === 'number' && status >= 400 && status < 500;
}
