import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SendMessageInput } from '../../../shared/schemas/chat.schema';
import { conversations, messages } from '../../../server/db/schema';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

const valid = sendPayload();
const sliders = valid.sliders;

/** Payloads a buggy or hostile client could emit; each must be refused with nothing stored. */
const MALFORMED: Array<[string, unknown]> = [
  ['content is a number', { ...valid, content: 123 }],
  ['sliders is a string', { ...valid, sliders: 'high' }],
  ['conversationId is a number', { ...valid, conversationId: 42 }],
  ['NaN slider', { ...valid, sliders: { ...sliders, humor: Number.NaN } }],
  ['negative slider', { ...valid, sliders: { ...sliders, safety: -0.1 } }],
  ['slider above 1', { ...valid, sliders: { ...sliders, brevity: 7 } }],
  ['missing clientId', { conversationId: null, content: 'hi', sliders }],
  ['missing sliders', { conversationId: null, clientId: randomUUID(), content: 'hi' }],
  ['missing slider', { ...valid, sliders: { safety: 1, humor: 0 } }],
  ['empty object', {}],
  ['null payload', null],
  ['array payload', [valid]],
  ['whitespace-only content', { ...valid, content: '   \n ' }],
  ['oversized content', { ...valid, content: 'a'.repeat(8001) }],
  ['non-UUID clientId', { ...valid, clientId: 'abc' }],
  ['non-UUID conversationId', { ...valid, conversationId: 'not-a-uuid' }],
  ['unknown extra field', { ...valid, role: 'admin' }],
];

describe('malformed payloads', () => {
  let server: TestServer;
  let client: TestClient;
  const rows = () => ({
    messages: server.db.select({ n: count() }).from(messages).get()?.n,
    conversations: server.db.select({ n: count() }).from(conversations).get()?.n,
  });

  beforeAll(async () => {
    server = await startTestServer();
    client = await server.connect();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(MALFORMED)('chat:send with %s gets an invalid_input ack and stores nothing', async (_name, payload) => {
    const before = rows();
    // The typed client would not let us send these: that is the point of the test.
    const emitUnchecked = client.emitWithAck.bind(client) as (event: string, payload: unknown) => Promise<unknown>;
    const ack = await emitUnchecked('chat:send', payload);
    expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('invalid input') } });
    expect(rows()).toEqual(before);
  });

  it('names the bad fields', async () => {
    const payload: SendMessageInput = { ...valid, clientId: 'abc', sliders: { ...sliders, safety: -1 } };
    const ack = await client.emitWithAck('chat:send', payload);
    expect(ack.ok).toBe(false);
    if (ack.ok) return;
    expect(ack.error.issues?.map((i) => i.path).sort()).toEqual(['clientId', 'sliders.safety']);
  });

  it('refuses bad stop, resume and conversation payloads', async () => {
    const emitUnchecked = client.emitWithAck.bind(client) as (event: string, payload: unknown) => Promise<unknown>;
    for (const [event, payload] of [
      ['chat:stop', { messageId: 'x' }],
      ['chat:resume', { messageId: randomUUID(), offset: -1 }],
      ['chat:resume', { messageId: randomUUID(), offset: 1.5 }],
      ['conversation:get', { conversationId: 5 }],
      ['conversation:rename', { conversationId: randomUUID(), title: '' }],
      ['conversation:rename', { conversationId: randomUUID(), title: 'x'.repeat(201) }],
      ['conversation:list', { extra: true }],
    ] as const) {
      expect(await emitUnchecked(event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await client.emitWithAck('chat:stop', { messageId: randomUUID() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await client.emitWithAck('chat:send', sendPayload({ conversationId: randomUUID() }))).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('survives events without an ack or with a non-function ack, and keeps serving', async () => {
    const before = rows();
    const emitRaw = client.emit.bind(client) as (event: string, ...args: unknown[]) => unknown;
    emitRaw('chat:send', { content: 1 });
    emitRaw('chat:send');
    emitRaw('chat:send', { content: 1 }, 'not a function');
    emitRaw('conversation:list', {}, 42);
    emitRaw('no:such:event', {});
    // A valid send without an ack still runs; the reply is simply dropped.
    const recorder = new StreamRecorder(client);
    emitRaw('chat:send', sendPayload({ content: 'No ack for me.' }));
    await expect.poll(() => rows().messages).toBe((before.messages ?? 0) + 2);

    await recorder.end((await sendOk(client)).assistantMessage.id);
    expect(client.connected).toBe(true);
  });
});
