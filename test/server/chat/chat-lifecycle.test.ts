import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

/** ~10 s of generation on the test model: no answer can finish before the test stops it. */
const LONG = { maxTokens: 4096 };
/** ~1.5 s: long enough to disconnect and reconnect mid-stream, short enough to wait for. */
const MEDIUM = { maxTokens: 700 };
const FUNNY = { safety: 0, humor: 1, brevity: 0 };

describe('stop, disconnect, resend and concurrent sends', () => {
  let server: TestServer;
  const row = (id: string) => server.db.select().from(messages).where(eq(messages.id, id)).get();
  const messageCount = () => server.db.select({ n: count() }).from(messages).get()?.n;

  beforeAll(async () => {
    server = await startTestServer({ seed: (db) => saveTestPortfolio(db, LONG, MEDIUM) });
  });
  afterAll(async () => {
    await server.close();
  });

  it('stop aborts mid-stream and keeps the partial text as a stopped message', async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const id = (await sendOk(client)).assistantMessage.id;
    await recorder.waitFor(id, (e) => e.type === 'token');

    const stopped = await client.emitWithAck('chat:stop', { messageId: id });
    if (!stopped.ok) throw new Error(stopped.error.message);
    const saved = row(id);
    expect(saved?.status).toBe('stopped');
    expect(saved?.content.length).toBeGreaterThan(0);
    expect(stopped.data).toMatchObject({ id, status: 'stopped', content: saved?.content, error: null, finishReason: null });
    expect(await recorder.end(id)).toEqual({ type: 'done', messageId: id, status: 'stopped', content: saved?.content, finishReason: null });
    expect(recorder.text(id)).toBe(saved?.content);
    // Far fewer tokens than the 4096 asked for: the generation really stopped upstream.
    expect(saved?.tokenCount).toBeLessThan(1000);
    const tokensAtStop = recorder.tokens(id).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(recorder.tokens(id).length).toBe(tokensAtStop);

    // Stopping again is harmless and reports the same final message.
    const again = await client.emitWithAck('chat:stop', { messageId: id });
    expect(again.ok && again.data.content).toBe(saved?.content);
  });

  it('a disconnect does not cancel the answer; a new connection resumes and gets all of it', async () => {
    const first = await server.connect();
    const firstRecorder = new StreamRecorder(first);
    const id = (await sendOk(first, sendPayload({}, FUNNY))).assistantMessage.id;
    await firstRecorder.waitFor(id, (e) => e.type === 'token');
    first.disconnect();
    const held = firstRecorder.text(id);

    // Still generating, and saved as it streams.
    await expect.poll(() => row(id)?.content.length ?? 0, { timeout: 5_000 }).toBeGreaterThan(held.length);
    expect(row(id)?.status).toBe('streaming');

    const second = await server.connect();
    const recorder = new StreamRecorder(second);
    const resumed = await second.emitWithAck('chat:resume', { messageId: id, offset: held.length });
    expect(resumed.ok && resumed.data.status).toBe('streaming');
    const catchUp = recorder.tokens(id)[0];
    expect(catchUp?.offset).toBe(held.length);

    const end = await recorder.end(id);
    const saved = row(id);
    expect(saved?.status).toBe('complete');
    expect(saved?.tokenCount).toBeGreaterThan(500);
    expect(recorder.text(id, held)).toBe(saved?.content);
    expect(end).toMatchObject({ type: 'done', content: saved?.content });

    // Resuming a finished answer sends the missing text and the terminal event.
    const late = new StreamRecorder(second);
    await second.emitWithAck('chat:resume', { messageId: id, offset: 0 });
    expect(late.text(id)).toBe(saved?.content);
    expect(await late.end(id)).toEqual(end);
  });

  it('a resent clientId returns the existing messages and starts nothing', async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const payload = sendPayload();
    const sent = await client.emitWithAck('chat:send', payload);
    if (!sent.ok) throw new Error(sent.error.message);
    const rowsAfterFirst = messageCount();
    const resent = await client.emitWithAck('chat:send', payload);
    if (!resent.ok) throw new Error(resent.error.message);
    expect(resent.data.duplicate).toBe(true);
    expect(resent.data.userMessage.id).toBe(sent.data.userMessage.id);
    expect(resent.data.assistantMessage.id).toBe(sent.data.assistantMessage.id);
    expect(resent.data.conversation.id).toBe(sent.data.conversation.id);
    expect(messageCount()).toBe(rowsAfterFirst);
    await stopAnswer(client, sent.data.assistantMessage.id);
    await recorder.end(sent.data.assistantMessage.id);
    expect(new Set(recorder.events.map((e) => e.messageId))).toEqual(new Set([sent.data.assistantMessage.id]));
  });

  it('refuses a second send into a conversation while its answer streams', async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const sent = await sendOk(client);
    const conversationId = sent.conversation.id;
    const before = messageCount();
    const second = await client.emitWithAck('chat:send', sendPayload({ conversationId, content: 'And then?' }));
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(messageCount()).toBe(before);

    await stopAnswer(client, sent.assistantMessage.id);
    await recorder.end(sent.assistantMessage.id);
    const third = await client.emitWithAck('chat:send', sendPayload({ conversationId, content: 'And then?' }));
    expect(third.ok).toBe(true);
    if (third.ok) await stopAnswer(client, third.data.assistantMessage.id);
  });
});

async function stopAnswer(client: Awaited<ReturnType<TestServer['connect']>>, messageId: string): Promise<void> {
  const ack = await client.emitWithAck('chat:stop', { messageId });
  if (!ack.ok) throw new Error(ack.error.message);
}
