import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../../server/db/schema';
import { basePolicy } from '../../../server/portfolio/base-policy';
import { activatePortfolioVersion } from '../../../server/portfolio/portfolio.store';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { StreamRecorder, sendPayload, sendOk } from '../../helpers/stream-recorder';
import { startTestServer, type TestClient, type TestServer } from '../../helpers/test-server';

async function sendAndFinish(client: TestClient, recorder: StreamRecorder, sliders: Parameters<typeof sendPayload>[1]) {
  const { assistantMessage } = await sendOk(client, sendPayload({}, sliders));
  await recorder.end(assistantMessage.id);
  return assistantMessage;
}

describe('routing sliders to portfolio policies', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it('routes two slider settings to two different members and records them on the rows', async () => {
    let fixture: ReturnType<typeof saveTestPortfolio> | undefined;
    server = await startTestServer({ seed: (db) => (fixture = saveTestPortfolio(db)) });
    if (!fixture) throw new Error('portfolio not seeded');
    const client = await server.connect();
    const recorder = new StreamRecorder(client);

    const cautious = await sendAndFinish(client, recorder, { safety: 1, humor: 0, brevity: 0 });
    const playful = await sendAndFinish(client, recorder, { safety: 0, humor: 1, brevity: 0 });
    expect(cautious.routing).toMatchObject({ policyId: fixture.safe.id, policyName: 'safe', portfolioVersion: fixture.version, isBasePolicy: false, weights: [1, 0, 0] });
    expect(playful.routing).toMatchObject({ policyId: fixture.funny.id, policyName: 'funny', portfolioVersion: fixture.version });
    expect(cautious.routing?.value).toBeCloseTo(0.9);
    expect(cautious.routing?.relativeValue).toBeCloseTo(1);

    const rows = server.db.select().from(messages).where(eq(messages.role, 'assistant')).all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(cautious.id)).toMatchObject({ policyId: fixture.safe.id, portfolioVersion: fixture.version, status: 'complete' });
    expect(byId.get(playful.id)).toMatchObject({ policyId: fixture.funny.id, portfolioVersion: fixture.version, status: 'complete' });
    expect(byId.get(cautious.id)?.routing).toEqual(cautious.routing);
  });

  it('reports the gap to the best candidate when no member is optimal', async () => {
    server = await startTestServer({ seed: (db) => saveTestPortfolio(db) });
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const terse = await sendAndFinish(client, recorder, { safety: 0, humor: 0, brevity: 1 });
    // Members give 0.5 for brevity; the unselected candidate gives 1.
    expect(terse.routing).toMatchObject({ value: 0.5, bestValue: 1, relativeValue: 0.5 });
  });

  it('serves with the base policy and says so when no portfolio is active, then picks up an activation', async () => {
    server = await startTestServer();
    const client = await server.connect();
    const recorder = new StreamRecorder(client);
    const before = await sendAndFinish(client, recorder, { safety: 0.2, humor: 0.2, brevity: 0.6 });
    const base = basePolicy(server.llm.info.model);
    expect(before.routing).toEqual({
      policyId: base.id,
      policyName: 'base',
      portfolioVersion: null,
      weights: [0.2, 0.2, 0.6].map((w) => expect.closeTo(w, 10)),
      value: 0,
      bestValue: 0,
      relativeValue: 1,
      isBasePolicy: true,
    });
    const row = server.db.select().from(messages).where(eq(messages.id, before.id)).get();
    expect(row).toMatchObject({ policyId: base.id, portfolioVersion: null });
    const info = await client.emitWithAck('portfolio:active', {});
    expect(info).toEqual({ ok: true, data: { portfolio: null, backend: server.llm.info } });

    // The offline build activates a version while the server runs: the next send uses it.
    const fixture = saveTestPortfolio(server.db);
    const after = await sendAndFinish(client, recorder, { safety: 1, humor: 0, brevity: 0 });
    expect(after.routing).toMatchObject({ policyId: fixture.safe.id, portfolioVersion: fixture.version, isBasePolicy: false });
    const active = await client.emitWithAck('portfolio:active', {});
    expect(active.ok && active.data.portfolio?.version).toBe(fixture.version);
    expect(active.ok && active.data.portfolio?.members.map((m) => m.policy.name)).toEqual(['safe', 'funny']);

    // A newer version replaces it, and rolling back to the first one is seen too.
    const second = saveTestPortfolio(server.db, { maxTokens: 40 });
    const latest = await sendAndFinish(client, recorder, { safety: 0, humor: 1, brevity: 0 });
    expect(latest.routing).toMatchObject({ policyId: second.funny.id, portfolioVersion: second.version });
    activatePortfolioVersion(server.db, fixture.version);
    const rolledBack = await sendAndFinish(client, recorder, { safety: 0, humor: 1, brevity: 0 });
    expect(rolledBack.routing).toMatchObject({ policyId: fixture.funny.id, portfolioVersion: fixture.version });
  });
});
