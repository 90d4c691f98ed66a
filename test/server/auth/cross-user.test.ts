import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendMessageResult } from '../../../shared/schemas/chat.schema';
import { conversations, messages } from '../../../server/db/schema';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

const NOT_FOUND = { ok: false, error: { code: 'not_found' } };

describe('one user cannot reach another user\'s data', () => {
  let server: TestServer;
  let alice: TestClient;
  let bob: TestClient;
  let sent: SendMessageResult;
  let recorder: StreamRecorder;

  beforeAll(async () => {
    // The safe member writes up to 4096 tokens: alice's answer is still streaming while bob tries.
    server = await startTestServer({ seed: (db) => saveTestPortfolio(db, { maxTokens: 4096 }) });
    alice = await server.connect({ as: 'alice' });
    bob = await server.connect({ as: 'bob' });
    recorder = new StreamRecorder(alice);
    sent = await sendOk(alice, sendPayload({ content: 'Alice asks a private question.' }, { safety: 1, humor: 0, brevity: 0 }));
    await recorder.waitFor(sent.assistantMessage.id, (e) => e.type === 'token');
  });
  afterAll(async () => {
    await server.close();
  });

  const aliceRows = () => ({
    conversation: server.db.select().from(conversations).where(eq(conversations.id, sent.conversation.id)).get(),
    messages: server.db.select({ id: messages.id, content: messages.content }).from(messages).where(eq(messages.conversationId, sent.conversation.id)).all().length,
  });

  it('list, get, rename, delete, send into, stop and resume all answer not_found, and nothing changes', async () => {
    const conversationId = sent.conversation.id;
    const messageId = sent.assistantMessage.id;
    const bobRecorder = new StreamRecorder(bob);
    const before = aliceRows();
    expect(await bob.emitWithAck('conversation:list', {})).toEqual({ ok: true, data: [] });
    expect(await bob.emitWithAck('conversation:get', { conversationId })).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('conversation:rename', { conversationId, title: 'mine now' })).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('conversation:delete', { conversationId })).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('chat:send', sendPayload({ conversationId }))).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('chat:stop', { messageId })).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('chat:resume', { messageId, offset: 0 })).toMatchObject(NOT_FOUND);
    expect(await bob.emitWithAck('chat:resume', { messageId: sent.userMessage.id, offset: 0 })).toMatchObject(NOT_FOUND);

    expect(aliceRows().conversation).toEqual(before.conversation);
    expect(aliceRows().messages).toBe(before.messages);
    // Bob joined none of alice's rooms: not one of her tokens reached him.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bobRecorder.events).toEqual([]);
    // Her answer kept streaming through bob's stop.
    expect(server.db.select().from(messages).where(eq(messages.id, messageId)).get()?.status).toBe('streaming');
  });

  it('reusing another user\'s message id is a conflict that reveals nothing', async () => {
    const ack = await bob.emitWithAck('chat:send', sendPayload({ clientId: clientIdOf(server, sent.userMessage.id) }));
    expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(ack)).not.toContain('Alice');
  });

  it('sliders are per account', async () => {
    expect(await alice.emitWithAck('preferences:set', { sliders: { safety: 1, humor: 0, brevity: 0.25 } })).toMatchObject({ ok: true });
    expect(await bob.emitWithAck('preferences:get', {})).toEqual({ ok: true, data: { sliders: null } });
    // A second browser of alice's sees her sliders.
    const aliceElsewhere = await server.connect({ as: 'alice' });
    expect(await aliceElsewhere.emitWithAck('preferences:get', {})).toEqual({ ok: true, data: { sliders: { safety: 1, humor: 0, brevity: 0.25 } } });
  });

  it('the owner still can do all of it', async () => {
    const messageId = sent.assistantMessage.id;
    expect(await alice.emitWithAck('chat:stop', { messageId })).toMatchObject({ ok: true, data: { status: 'stopped' } });
    expect(await alice.emitWithAck('conversation:rename', { conversationId: sent.conversation.id, title: 'Private' })).toMatchObject({ ok: true });
    expect(await alice.emitWithAck('conversation:list', {})).toMatchObject({ ok: true, data: [{ id: sent.conversation.id, title: 'Private' }] });
  });
});

function clientIdOf(server: TestServer, userMessageId: string): string {
  const clientId = server.db.select({ clientId: messages.clientId }).from(messages).where(eq(messages.id, userMessageId)).get()?.clientId;
  if (!clientId) throw new Error('the user message has no client id');
  return clientId;
}
