import type { FinishReason, Message, StreamEvent } from '../../shared/schemas/chat.schema';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import { AppError, type Logger } from '../errors';
import { LlmError, type ChatTurn, type GenerationFinish, type LlmBackend } from '../llm/llm.types';
import type { FinalState, MessageRepository } from './message.repository';
import { conversationRoom, type AppServer } from './socket-handler';

export interface StreamJob {
  /** The assistant row, already stored with status `streaming`. */
  message: Message;
  /** The account that asked, for the per-user cap on concurrent answers. */
  userId: string;
  policy: PolicySpec;
  history: ChatTurn[];
}

interface ActiveStream {
  messageId: string;
  conversationId: string;
  userId: string;
  content: string;
  tokenCount: number;
  firstTokenAt: number | null;
  savedLength: number;
  savedAt: number;
  controller: AbortController;
  done: Promise<Message | null>;
  /** What the backend reported when the model ended by itself; null until then (and on abort). */
  finishReason: FinishReason | null;
}

export interface StreamEngineDeps {
  llm: LlmBackend;
  messages: MessageRepository;
  io: AppServer;
  log: Logger;
  clock: () => number;
  /** Save the growing answer at least this often, or after this many new characters. */
  saveEveryMs?: number;
  saveEveryChars?: number;
}

/**
 * Runs generations independently of any socket: a disconnect never cancels an answer.
 * Tokens go to the conversation's room with their character offset; the text is saved in
 * batches while it streams and once at the end, so the DB never lags by more than a batch.
 */
export class StreamEngine {
  private readonly active = new Map<string, ActiveStream>();
  private closing = false;

  constructor(private readonly deps: StreamEngineDeps) {}

  assertAccepting(): void {
    if (this.closing) throw new AppError('backend_unavailable', 'the server is shutting down; try again in a moment');
  }

  start(job: StreamJob): void {
    this.assertAccepting();
    const now = this.deps.clock();
    const stream: ActiveStream = {
      messageId: job.message.id,
      conversationId: job.message.conversationId,
      userId: job.userId,
      content: '',
      tokenCount: 0,
      firstTokenAt: null,
      savedLength: 0,
      savedAt: now,
      controller: new AbortController(),
      done: Promise.resolve(null),
      finishReason: null,
    };
    this.active.set(stream.messageId, stream);
    stream.done = this.run(stream, job);
  }

  runningFor(userId: string): number {
    let running = 0;
    for (const stream of this.active.values()) if (stream.userId === userId) running += 1;
    return running;
  }

  /** The text generated so far, for a client catching up; undefined once the answer is final. */
  liveContent(messageId: string): string | undefined {
    return this.active.get(messageId)?.content;
  }

  /** Aborts the generation upstream and resolves with the saved final message (null if not streaming). */
  async stop(messageId: string): Promise<Message | null> {
    const stream = this.active.get(messageId);
    if (!stream) return null;
    stream.controller.abort();
    return stream.done;
  }

  async stopConversation(conversationId: string): Promise<void> {
    const ids = [...this.active.values()].filter((s) => s.conversationId === conversationId).map((s) => s.messageId);
    await Promise.all(ids.map((id) => this.stop(id)));
  }

  /** Refuses new answers, stops the running ones and waits until each is saved as `stopped`. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.active.keys()].map((id) => this.stop(id)));
  }

  /** Never rejects: every outcome ends in a saved final state and one terminal event. */
  private async run(stream: ActiveStream, job: StreamJob): Promise<Message | null> {
    let failure: unknown = null;
    try {
      const { system, decoding, ollamaModel } = job.policy;
      const signal = stream.controller.signal;
      // An imported policy answers with its own Ollama model; searched ones use the backend's.
      const onFinish = (finish: GenerationFinish): void => {
        stream.finishReason = finish.reason;
      };
      for await (const text of this.deps.llm.generate({ system, messages: job.history, decoding, signal, model: ollamaModel, onFinish })) {
        if (signal.aborted) break;
        this.append(stream, text);
      }
    } catch (error) {
      failure = error;
    }
    return this.finish(stream, failure);
  }

  private append(stream: ActiveStream, text: string): void {
    const offset = stream.content.length;
    stream.content += text;
    stream.tokenCount += 1;
    const now = this.deps.clock();
    stream.firstTokenAt ??= now;
    this.emit(stream.conversationId, { type: 'token', messageId: stream.messageId, offset, text });
    const dueByTime = now - stream.savedAt >= (this.deps.saveEveryMs ?? 250);
    const dueBySize = stream.content.length - stream.savedLength >= (this.deps.saveEveryChars ?? 200);
    if (dueByTime || dueBySize) this.save(stream, now);
  }

  private save(stream: ActiveStream, now: number): void {
    try {
      this.deps.messages.saveProgress(stream.messageId, stream.content, stream.tokenCount, stream.firstTokenAt);
      stream.savedLength = stream.content.length;
      stream.savedAt = now;
    } catch (error) {
      // The final save retries with the whole text; a busy database must not kill the stream.
      this.deps.log.warn('could not save a streaming answer batch', { messageId: stream.messageId, error: String(error) });
    }
  }

  private finish(stream: ActiveStream, failure: unknown): Message | null {
    const { messageId, content, tokenCount } = stream;
    const stopped = stream.controller.signal.aborted;
    const state: FinalState =
      failure !== null && !stopped
        ? { content, tokenCount, status: 'failed', error: describeFailure(failure) }
        : { content, tokenCount, status: stopped ? 'stopped' : 'complete', error: null, finishReason: stopped ? null : stream.finishReason };
    if (state.status === 'failed') this.deps.log.error('generation failed', { messageId, error: String(failure) });
    let saved: Message | null = null;
    try {
      saved = this.deps.messages.finish(messageId, state);
    } catch (error) {
      this.deps.log.error('could not save a finished answer', { messageId, error: String(error) });
    }
    this.active.delete(messageId);
    this.emit(stream.conversationId, terminalEvent(messageId, state));
    return saved;
  }

  private emit(conversationId: string, event: StreamEvent): void {
    this.deps.io.to(conversationRoom(conversationId)).emit('chat:stream', event);
  }
}

/** `done` for complete and stopped answers, `error` (with the kept partial text) for failed ones. */
export function terminalEvent(messageId: string, state: Pick<FinalState, 'content' | 'status' | 'error' | 'finishReason'>): StreamEvent {
  if (state.status === 'failed') return { type: 'error', messageId, content: state.content, error: state.error ?? 'the answer failed' };
  return { type: 'done', messageId, status: state.status, content: state.content, finishReason: state.finishReason ?? null };
}

/** What the user reads on a failed answer: the kind of failure, never internals. */
function describeFailure(error: unknown): string {
  if (!(error instanceof LlmError)) return 'the answer failed because of an internal error';
  switch (error.code) {
    // These two messages are written for the reader and say what to fix ("Ollama is not reachable
    // at …", "model … not found: run `ollama pull …`"); they carry no internals.
    case 'unreachable':
    case 'model_missing':
      return error.message;
    case 'timeout':
      return 'the model took too long to answer';
    case 'model_invalid':
      return 'the model is not available';
    case 'upstream':
      return 'the model stopped with an error';
  }
}
