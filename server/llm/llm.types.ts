import type { Decoding } from '../../shared/schemas/policy.schema';
import type { BackendInfo } from '../../shared/schemas/server-info.schema';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  /** The policy's system prompt ('' for none). */
  system: string;
  /** Conversation so far, ending with the user turn to answer. */
  messages: ChatTurn[];
  decoding: Decoding;
  /** Fixed seed for reproducible sampling (the portfolio build uses one per sample). */
  seed?: number;
  /** Aborting stops generation upstream at once; the iterator then ends without error. */
  signal?: AbortSignal;
  /**
   * A model to answer with instead of the backend's own (an Ollama policy model or an imported
   * fine-tune). Backends that serve a single model (embedded) reject a different one.
   */
  model?: string;
  /** Called once after a completed generation, when the backend measures it (Ollama does). */
  onStats?: (stats: GenerationStats) => void;
  /**
   * Called once when the model ended by itself ('stop') or at decoding.maxTokens ('length'), so a
   * cut answer can be marked as such; never on abort or failure (those have their own outcome).
   */
  onFinish?: (finish: GenerationFinish) => void;
}

/** Why a generation ended on its own: 'length' means it was cut at the token limit. */
export type FinishReason = 'stop' | 'length';
export interface GenerationFinish {
  reason: FinishReason;
}

/** Server-side token counts and timings of one generation (GPU throughput = evalTokens / evalDurationMs). */
export interface GenerationStats {
  promptTokens: number;
  evalTokens: number;
  evalDurationMs: number;
  loadDurationMs: number;
  totalDurationMs: number;
}

/**
 * One streaming interface for every model server. `generate` yields text pieces as the
 * model produces them; it throws an LlmError for failures, never yields error text.
 */
export interface LlmBackend {
  readonly info: BackendInfo;
  generate(request: GenerateRequest): AsyncIterable<string>;
  close(): Promise<void>;
}

export type LlmErrorCode = 'model_missing' | 'model_invalid' | 'unreachable' | 'upstream' | 'timeout';

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }
}
