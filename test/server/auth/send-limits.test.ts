import { afterEach, describe, expect, it } from 'vitest';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestServer } from '../../helpers/test-server';

const LONG = { safety: 1, humor: 0, brevity: 0 };

describe('per-account limits on answers', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('caps the answers one account has generating at once, not other accounts', async () => {
    server = await startTestServer({ maxConcurrentPerUser: 1, seed: (db) => saveTestPortfolio(db, { maxTokens: 4096 }) });
    const alice = await server.connect({ as: 'alice' });
    const recorder = new StreamRecorder(alice);
    const first = await sendOk(alice, sendPayload({}, LONG));
    const second = await alice.emitWithAck('chat:send', sendPayload({}, LONG));
    expect(second).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    const bob = await server.connect({ as: 'bob' });
    const bobs = await bob.emitWithAck('chat:send', sendPayload({ content: 'Short one.' }));
    expect(bobs.ok).toBe(true);
    if (bobs.ok) await bob.emitWithAck('chat:stop', { messageId: bobs.data.assistantMessage.id });
    await alice.emitWithAck('chat:stop', { messageId: first.assistantMessage.id });
    await recorder.end(first.assistantMessage.id);
    expect((await alice.emitWithAck('chat:send', sendPayload({ content: 'Now it fits.' }))).ok).toBe(true);
  });

  it('limits sends per account across connections', async () => {
    server = await startTestServer({ userSendLimit: { burst: 2, perMinute: 1 } });
    const tab1 = await server.connect({ as: 'carol' });
    const tab2 = await server.connect({ as: 'carol' });
    const acks = [];
    for (const tab of [tab1, tab2, tab1]) {
      const ack = await tab.emitWithAck('chat:send', sendPayload({ content: 'One more.' }));
      acks.push(ack.ok ? 'ok' : ack.error.code);
      if (ack.ok) await tab.emitWithAck('chat:stop', { messageId: ack.data.assistantMessage.id });
    }
    expect(acks).toEqual(['ok', 'ok', 'rate_limited']);
    const dave = await server.connect({ as: 'dave' });
    expect((await dave.emitWithAck('chat:send', sendPayload())).ok).toBe(true);
  });
});
