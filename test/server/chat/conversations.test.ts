import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { titleFrom } from '../../../server/chat/conversation.repository';
import { messages } from '../../../server/db/schema';
import type { GenerateRequest } from '../../../server/llm/llm.types';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

describe('conversations', () => {
  let server: TestServer;
  const requests: GenerateRequest[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      seed: (db) => saveTestPortfolio(db, { maxTokens: 4096 }, { maxTokens: 32 }),
      // Records what the real backend is asked, to check the history the model sees.
      wrapLlm: (llm) => ({ info: llm.info, close: () => llm.close(), generate: (request) => (requests.push(request), llm.generate(request)) }),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('titles come from the first message, trimmed to about 60 characters', () => {
    expect(titleFrom('  Hello\n  there  ')).toBe('Hello there');
    const long = titleFrom('Tell me a long story about a cat who wanted to fly to the moon and back again');
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toBe('Tell me a long story about a cat who wanted to fly to the…');
  });

  it('lists, gets with history, renames and deletes, with history sent to the model', async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const funny = { safety: 0, humor: 1, brevity: 0 };
    const first = await sendOk(client, sendPayload({ content: 'First question' }, funny));
    await recorder.end(first.assistantMessage.id);
    const conversationId = first.conversation.id;
    const second = await sendOk(client, sendPayload({ conversationId, content: 'Second question' }, funny));
    await recorder.end(second.assistantMessage.id);

    const firstAnswer = recorder.text(first.assistantMessage.id);
    expect(requests.at(-1)?.messages).toEqual([
      { role: 'user', content: 'First question' },
      { role: 'assistant', content: firstAnswer },
      { role: 'user', content: 'Second question' },
    ]);
    expect(requests.at(-1)?.system).toBe('Be funny.');

    const got = await client.emitWithAck('conversation:get', { conversationId });
    if (!got.ok) throw new Error(got.error.message);
    expect(got.data.messages.map((m) => [m.role, m.status])).toEqual([
      ['user', 'complete'],
      ['assistant', 'complete'],
      ['user', 'complete'],
      ['assistant', 'complete'],
    ]);
    expect(got.data.messages[2]?.content).toBe('Second question');

    const renamed = await client.emitWithAck('conversation:rename', { conversationId, title: '  Cats  ' });
    expect(renamed).toMatchObject({ ok: true, data: { id: conversationId, title: 'Cats' } });
    const list = await client.emitWithAck('conversation:list', {});
    expect(list.ok && list.data[0]).toMatchObject({ id: conversationId, title: 'Cats' });

    const deleted = await client.emitWithAck('conversation:delete', { conversationId });
    expect(deleted).toEqual({ ok: true, data: { deleted: true } });
    expect(server.db.select({ n: count() }).from(messages).where(eq(messages.conversationId, conversationId)).get()?.n).toBe(0);
    expect(await client.emitWithAck('conversation:get', { conversationId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.emitWithAck('conversation:delete', { conversationId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.emitWithAck('conversation:rename', { conversationId: randomUUID(), title: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('deleting a conversation stops its running answer first', async () => {
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const sent = await sendOk(client, sendPayload({}, { safety: 1, humor: 0, brevity: 0 }));
    const id = sent.assistantMessage.id;
    await recorder.waitFor(id, (e) => e.type === 'token');
    const deleted = await client.emitWithAck('conversation:delete', { conversationId: sent.conversation.id });
    expect(deleted.ok).toBe(true);
    expect(await recorder.end(id)).toMatchObject({ type: 'done', status: 'stopped' });
    expect(server.db.select().from(messages).where(eq(messages.id, id)).get()).toBeUndefined();
  });
});
