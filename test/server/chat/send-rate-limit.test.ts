import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { SendRateLimiter } from '../../../server/chat/send-rate-limit';
import { messages } from '../../../server/db/schema';
import { sendPayload } from '../../helpers/stream-recorder';
import { startTestServer } from '../../helpers/test-server';

describe('send rate limit', () => {
  it('refills over time, per client address', () => {
    let now = 0;
    const limiter = new SendRateLimiter(() => now, { burst: 2, perMinute: 6 });
    limiter.take('a');
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(/try again in 10 s/);
    limiter.take('b');
    now += 10_000;
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow();
  });

  it('refuses sends over the limit with rate_limited and stores nothing; resends still answer', async () => {
    const server = await startTestServer({ sendLimit: { burst: 2, perMinute: 1 } });
    try {
      const client = await server.connect();
      const first = sendPayload();
      expect((await client.emitWithAck('chat:send', first)).ok).toBe(true);
      expect((await client.emitWithAck('chat:send', sendPayload())).ok).toBe(true);
      const rows = () => server.db.select({ n: count() }).from(messages).get()?.n;
      const before = rows();
      expect(await client.emitWithAck('chat:send', sendPayload())).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
      expect(rows()).toBe(before);
      expect(await client.emitWithAck('chat:send', first)).toMatchObject({ ok: true, data: { duplicate: true } });
    } finally {
      await server.close();
    }
  });
});
