import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

describe('answers cut at the policy length limit (real test model)', () => {
  let server: TestServer;

  beforeAll(async () => {
    // Every member may write 4 tokens only, so whichever policy answers is cut mid-story.
    server = await startTestServer({ seed: (db) => saveTestPortfolio(db, { maxTokens: 4 }) });
  });
  afterAll(async () => {
    await server.close();
  });

  it("stores finish_reason 'length', says so in the done event, on resume and in the conversation", async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const { assistantMessage, conversation } = await sendOk(client);
    expect(assistantMessage.finishReason).toBeNull();

    const end = await recorder.end(assistantMessage.id);
    expect(end).toMatchObject({ type: 'done', status: 'complete', finishReason: 'length' });
    const row = server.db.select().from(messages).where(eq(messages.id, assistantMessage.id)).get();
    expect(row).toMatchObject({ status: 'complete', finishReason: 'length' });
    expect(row?.content.length).toBeGreaterThan(0);

    // A tab that attaches after the end gets the same terminal event.
    const late = await server.connect();
    const lateRecorder = new StreamRecorder(late);
    expect((await late.emitWithAck('chat:resume', { messageId: assistantMessage.id, offset: 0 })).ok).toBe(true);
    expect(await lateRecorder.end(assistantMessage.id)).toMatchObject({ type: 'done', finishReason: 'length' });

    const loaded = await client.emitWithAck('conversation:get', { conversationId: conversation.id });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.data.messages.find((m) => m.id === assistantMessage.id)?.finishReason).toBe('length');
  });
});
