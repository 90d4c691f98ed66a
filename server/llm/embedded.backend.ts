import { basename } from 'node:path';
import { getLlama, LlamaChatSession, LlamaLogLevel } from 'node-llama-cpp';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { AsyncQueue } from './async-queue';
import { fitChatToContext } from './chat-history';
import { linkedAbort } from './linked-abort';
import { assertGgufFile, isChatTunedGguf } from './gguf-file';
import { LlmError } from './llm.types';
import type { FinishReason, GenerateRequest, LlmBackend } from './llm.types';
import { SequencePool } from './sequence-pool';

export interface EmbeddedBackendOptions {
  modelPath: string;
  /** Inference threads. Always explicit: the library default oversubscribes small machines (~500x slower). */
  threads?: number;
  /** Concurrent generations (context sequences) sharing the one loaded model. */
  parallel?: number;
  /** Requested tokens per sequence; clamped for models trained on tiny contexts. */
  contextSize?: number;
}

/** Tiny models (like the 128-token test model) still work up to 512 tokens. */
const MIN_USEFUL_CONTEXT = 512;

function clampContextSize(requested: number, trainContextSize: number): number {
  return Math.max(1, Math.min(requested, Math.max(trainContextSize, MIN_USEFUL_CONTEXT)));
}

/**
 * Warnings llama.cpp prints for every load of small GGUFs that are expected here: a missing
 * optional special token, and a context larger than the training one (clampContextSize chose
 * it on purpose: the test model works up to 512). Shown to operators they only alarm.
 */
const EXPECTED_WARNINGS = [/bad special token/, /n_ctx_seq \(\d+\) > n_ctx_train/];

function logLlama(level: LlamaLogLevel, message: string): void {
  if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) console.error(`[llama] ${message}`);
  else if (!EXPECTED_WARNINGS.some((pattern) => pattern.test(message))) console.warn(`[llama] ${message}`);
}

/** Loads one GGUF once and serves up to `parallel` concurrent generations from it. */
export async function createEmbeddedBackend(options: EmbeddedBackendOptions): Promise<LlmBackend> {
  const modelPath = await assertGgufFile(options.modelPath);
  const threads = options.threads ?? 1;
  const parallel = Math.max(1, options.parallel ?? 1);
  const chatTuned = await isChatTunedGguf(modelPath);
  // build 'never': a server must not start compiling llama.cpp or downloading binaries.
  const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.warn, logger: logLlama });
  let model: LlamaModel;
  try {
    model = await llama.loadModel({ modelPath });
  } catch (error) {
    await llama.dispose();
    throw new LlmError('model_invalid', `could not load GGUF model ${modelPath}: ${String(error)}`, { cause: error });
  }
  const contextSize = clampContextSize(options.contextSize ?? 2048, model.trainContextSize);
  const context = await model.createContext({ contextSize, sequences: parallel, threads });
  const sequences = Array.from({ length: parallel }, () => context.getSequence());
  return new EmbeddedBackend({ llama, model, context, pool: new SequencePool(sequences), threads, chatTuned, modelPath });
}

interface Parts {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  pool: SequencePool<LlamaContextSequence>;
  threads: number;
  chatTuned: boolean;
  modelPath: string;
}

/** node-llama-cpp's stop reason as a FinishReason; undefined for an abort (not a finish). */
export function finishReasonOf(stopReason: string): FinishReason | undefined {
  if (stopReason === 'abort') return undefined;
  return stopReason === 'maxTokens' ? 'length' : 'stop';
}

class EmbeddedBackend implements LlmBackend {
  readonly info;
  /** In-flight generations, so close() can stop them before freeing native memory. */
  private readonly active = new Map<AbortController, Promise<void>>();

  constructor(private readonly parts: Parts) {
    const { context, threads, chatTuned, modelPath } = parts;
    this.info = {
      kind: 'embedded' as const,
      model: basename(modelPath),
      chatTuned,
      detail: `node-llama-cpp, ${modelPath}, ${threads} thread(s), ${parts.pool.freeCount} parallel, context ${context.contextSize} tokens`,
    };
  }

  async *generate(request: GenerateRequest): AsyncGenerator<string> {
    // One GGUF is loaded in-process; a policy bound to another model (an Ollama import) cannot run here.
    if (request.model !== undefined && request.model !== this.info.model) {
      throw new LlmError('model_missing', `model ${request.model} is not available on the embedded backend (it serves ${this.info.model}); use the Ollama backend`);
    }
    // Our own controller also fires when the consumer stops iterating early.
    const { controller: stop, unlink } = linkedAbort(request.signal);
    let sequence: LlamaContextSequence;
    try {
      sequence = await this.parts.pool.acquire(stop.signal);
    } catch (error) {
      unlink();
      if (stop.signal.aborted) return;
      throw error;
    }
    const queue = new AsyncQueue<string>();
    stop.signal.addEventListener('abort', () => queue.end(), { once: true });
    const running = this.run(sequence, request, stop.signal, queue);
    this.active.set(stop, running);
    try {
      yield* queue;
    } finally {
      unlink();
      stop.abort();
      await running;
      this.active.delete(stop);
      // The next request starts from an empty sequence, whatever this one left behind.
      await sequence.clearHistory().catch(() => undefined);
      this.parts.pool.release(sequence);
    }
  }

  /** Runs one prompt to completion; never rejects (failures go into the queue). */
  private async run(sequence: LlamaContextSequence, request: GenerateRequest, signal: AbortSignal, queue: AsyncQueue<string>): Promise<void> {
    let session: LlamaChatSession | undefined;
    try {
      const { model, context } = this.parts;
      session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: '' });
      const fitted = fitChatToContext({
        system: request.system,
        messages: request.messages,
        contextSize: context.contextSize,
        maxTokens: request.decoding.maxTokens,
        countTokens: (text) => model.tokenize(text).length,
        keepTail: (text, tokens) => model.detokenize(model.tokenize(text).slice(-tokens)),
      });
      session.setChatHistory(fitted.history);
      const result = await session.promptWithMeta(fitted.prompt, {
        temperature: request.decoding.temperature,
        topP: request.decoding.topP,
        maxTokens: request.decoding.maxTokens,
        seed: request.seed,
        signal,
        stopOnAbortSignal: true,
        onTextChunk: (text) => {
          if (text !== '') queue.push(text);
        },
      });
      // An aborted prompt resolves too (stopOnAbortSignal); only a natural end is reported.
      const reason = signal.aborted ? undefined : finishReasonOf(result.stopReason);
      if (reason !== undefined) request.onFinish?.({ reason });
      queue.end();
    } catch (error) {
      if (signal.aborted) queue.end();
      else queue.fail(error instanceof LlmError ? error : new LlmError('upstream', `embedded generation failed: ${String(error)}`, { cause: error }));
    } finally {
      session?.dispose({ disposeSequence: false });
    }
  }

  async close(): Promise<void> {
    this.parts.pool.close(new LlmError('upstream', 'embedded backend closed'));
    // Running streams end as if aborted; disposing the context under them would crash them.
    for (const stop of this.active.keys()) stop.abort();
    await Promise.all(this.active.values());
    await this.parts.context.dispose();
    await this.parts.model.dispose();
    await this.parts.llama.dispose();
  }
}
