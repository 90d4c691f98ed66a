import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { StreamRecorder, sendPayload } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

describe('chat:send on the real test model', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('streams an answer whose full text equals what the database stores, to every tab', async () => {
    const sender = await server.connect();
    const recorder = new StreamRecorder(sender);
    const ack = await sender.emitWithAck('chat:send', sendPayload());
    if (!ack.ok) throw new Error(ack.error.message);
    const { conversation, userMessage, assistantMessage, duplicate } = ack.data;
    expect(duplicate).toBe(false);
    expect(conversation.title).toBe('Once upon a time there was a little cat.');
    expect(userMessage).toMatchObject({ role: 'user', status: 'complete', conversationId: conversation.id });
    expect(assistantMessage).toMatchObject({ role: 'assistant', status: 'streaming', conversationId: conversation.id });
    expect(assistantMessage.routing).toMatchObject({ isBasePolicy: true, portfolioVersion: null, relativeValue: 1 });

    // A second tab attaches mid-stream (or after the end): it catches up, then follows live.
    const other = await server.connect();
    const otherRecorder = new StreamRecorder(other);
    const resumed = await other.emitWithAck('chat:resume', { messageId: assistantMessage.id, offset: 0 });
    expect(resumed.ok).toBe(true);

    const end = await recorder.end(assistantMessage.id);
    expect(end).toMatchObject({ type: 'done', status: 'complete' });
    const row = server.db.select().from(messages).where(eq(messages.id, assistantMessage.id)).get();
    expect(row?.status).toBe('complete');
    expect(row?.content.length).toBeGreaterThan(0);
    expect(recorder.text(assistantMessage.id)).toBe(row?.content);
    expect(end.type === 'done' && end.content).toBe(row?.content);
    expect(row?.tokenCount).toBe(recorder.tokens(assistantMessage.id).length);
    expect(row?.firstTokenAt).not.toBeNull();

    const otherEnd = await otherRecorder.end(assistantMessage.id);
    expect(otherEnd).toEqual(end);
    expect(otherRecorder.text(assistantMessage.id)).toBe(row?.content);
  });
});
