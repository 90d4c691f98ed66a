import { randomUUID } from 'node:crypto';
import type { SendMessageInput, SendMessageResult, StreamEvent } from '../../shared/schemas/chat.schema';
import type { Sliders } from '../../shared/schemas/sliders.schema';
import type { TestClient } from './test-server';

/**
 * Records every `chat:stream` event a client receives from the moment it is attached, since
 * the first tokens can arrive before the send's ack.
 */
export class StreamRecorder {
  readonly events: StreamEvent[] = [];
  private waiters: Array<() => void> = [];

  constructor(client: TestClient) {
    client.on('chat:stream', (event) => {
      this.events.push(event);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  tokens(messageId: string): Array<Extract<StreamEvent, { type: 'token' }>> {
    return this.events.filter((e): e is Extract<StreamEvent, { type: 'token' }> => e.type === 'token' && e.messageId === messageId);
  }

  /** The text as a client assembles it: each token placed at its offset, after what it already held. */
  text(messageId: string, held = ''): string {
    let text = held;
    for (const t of this.tokens(messageId)) text = text.slice(0, t.offset) + t.text;
    return text;
  }

  /** Resolves with the first event for the message matching `match`. */
  async waitFor(messageId: string, match: (e: StreamEvent) => boolean, timeoutMs = 30_000): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find((e) => e.messageId === messageId && match(e));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching chat:stream event for ${messageId} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The terminal event: `done`, or `error` for a failed answer. */
  end(messageId: string, timeoutMs?: number): Promise<StreamEvent> {
    return this.waitFor(messageId, (e) => e.type !== 'token', timeoutMs);
  }
}

/** Sends `chat:send` and returns the ack's data; a refused send fails the test with its message. */
export async function sendOk(client: TestClient, payload: SendMessageInput = sendPayload()): Promise<SendMessageResult> {
  const ack = await client.emitWithAck('chat:send', payload);
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

export function sendPayload(overrides: Partial<SendMessageInput> = {}, sliders: Partial<Sliders> = {}): SendMessageInput {
  return {
    conversationId: null,
    clientId: randomUUID(),
    content: 'Once upon a time there was a little cat.',
    sliders: { safety: 0.5, humor: 0.5, brevity: 0.5, ...sliders },
    ...overrides,
  };
}
