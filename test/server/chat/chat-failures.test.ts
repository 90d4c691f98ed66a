import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { conversations, messages } from '../../../server/db/schema';
import { RESTART_ERROR } from '../../../server/chat/message.repository';
import { LlmError, type GenerateRequest, type LlmBackend } from '../../../server/llm/llm.types';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/**
 * Fault injector: the real embedded backend, whose stream breaks with an LlmError after
 * `chunks` real chunks, the way a model server dies mid-answer. Everything else is real.
 */
function failingAfter(chunks: number) {
  return (inner: LlmBackend): LlmBackend => ({
    info: inner.info,
    close: () => inner.close(),
    async *generate(request: GenerateRequest) {
      let n = 0;
      for await (const text of inner.generate(request)) {
        yield text;
        n += 1;
        if (n === chunks) throw new LlmError('upstream', 'connection reset by the model server');
      }
    },
  });
}

describe('failures', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('a backend error mid-stream leaves a failed message that keeps the partial text', async () => {
    server = await startTestServer({ wrapLlm: failingAfter(5), quietErrors: true });
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const sent = await sendOk(client);
    const id = sent.assistantMessage.id;
    const end = await recorder.end(id);
    const row = server.db.select().from(messages).where(eq(messages.id, id)).get();
    expect(row).toMatchObject({ status: 'failed', error: 'the model stopped with an error', tokenCount: 5 });
    expect(row?.content.length).toBeGreaterThan(0);
    expect(recorder.text(id)).toBe(row?.content);
    expect(end).toEqual({ type: 'error', messageId: id, content: row?.content, error: 'the model stopped with an error' });
    // The details are logged for the operator, not sent to the user.
    expect(server.logs.some((l) => l.level === 'error' && String(l.meta?.error).includes('connection reset'))).toBe(true);

    // The conversation is not stuck: the next message is accepted.
    const next = await client.emitWithAck('chat:send', sendPayload({ conversationId: sent.conversation.id, content: 'Try again.' }));
    expect(next.ok).toBe(true);
    if (next.ok) await recorder.end(next.data.assistantMessage.id);
  });

  it('on start, answers a crash left streaming are marked failed and keep their text', async () => {
    const conversationId = randomUUID();
    const orphan = randomUUID();
    const finished = randomUUID();
    server = await startTestServer({
      seed: (db) => {
        db.insert(conversations).values({ id: conversationId, title: 'before the crash' }).run();
        db.insert(messages).values({ id: orphan, conversationId, role: 'assistant', status: 'streaming', content: 'Once upon a ti' }).run();
        db.insert(messages).values({ id: finished, conversationId, role: 'assistant', status: 'complete', content: 'The end.' }).run();
      },
    });
    const rows = new Map(server.db.select().from(messages).all().map((r) => [r.id, r]));
    expect(rows.get(orphan)).toMatchObject({ status: 'failed', error: RESTART_ERROR, content: 'Once upon a ti' });
    expect(rows.get(finished)).toMatchObject({ status: 'complete', error: null, content: 'The end.' });
    expect(server.logs.some((l) => l.level === 'warn' && l.message.includes('1 answer'))).toBe(true);

    // The first account adopts conversations from before accounts existed; resuming gives it the kept text and the failure.
    const client = await server.connect({ as: 'admin' });
    const recorder = new StreamRecorder(client);
    await client.emitWithAck('chat:resume', { messageId: orphan, offset: 5 });
    expect(recorder.events).toEqual([
      { type: 'token', messageId: orphan, offset: 5, text: 'upon a ti' },
      { type: 'error', messageId: orphan, content: 'Once upon a ti', error: RESTART_ERROR },
    ]);
  });
});
