import { LlmError } from '../llm.types';

/** Where a failure happened, so messages name the host and the model the user must fix. */
export interface ErrorContext {
  host: string;
  model: string;
}

export function unreachable(ctx: ErrorContext, cause?: unknown): LlmError {
  return new LlmError('unreachable', `Ollama is not reachable at ${ctx.host}`, { cause });
}

export function modelMissing(model: string, cause?: unknown): LlmError {
  return new LlmError('model_missing', `model ${model} not found: run \`ollama pull ${model}\``, { cause });
}

/** Maps a non-2xx answer (Ollama sends `{"error": "..."}`) to a typed error carrying the status. */
export function httpError(ctx: ErrorContext, status: number, bodyText: string): LlmError {
  const message = errorMessageOf(bodyText) ?? (bodyText.trim() || `HTTP ${status}`);
  if (status === 404 && /not found/i.test(message)) return modelMissing(ctx.model, new Error(message));
  return new LlmError('upstream', `Ollama error ${status}: ${message}`, { cause: { status, message } });
}

/** The `error` field of an Ollama JSON error body, if the body is one. */
export function errorMessageOf(text: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed && typeof parsed.error === 'string') return parsed.error;
  } catch {
    // Not JSON: a proxy's HTML page or plain text; the caller shows the raw text instead.
  }
  return undefined;
}

/** Maps client and network failures (including the official client's ResponseError) to typed errors. */
export function toLlmError(error: unknown, ctx: ErrorContext): LlmError {
  if (error instanceof LlmError) return error;
  const status = typeof error === 'object' && error !== null && 'status_code' in error ? error.status_code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 404 || /model .*not found/i.test(message)) return modelMissing(ctx.model, error);
  // fetch() rejects with a TypeError when nothing listens or the connection is refused or reset.
  if (status === undefined && error instanceof TypeError) return unreachable(ctx, error);
  return new LlmError('upstream', `Ollama error: ${message}`, { cause: error });
}
