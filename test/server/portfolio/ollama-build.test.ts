import { resolve } from 'node:path';
import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generations } from '../../../server/db/schema';
import { createOllamaBackend } from '../../../server/llm/ollama.backend';
import { meterThroughput } from '../../../server/llm/throughput-meter';
import { buildPortfolio, type BuildOptions } from '../../../server/portfolio/build-pipeline';
import { loadActivePortfolio } from '../../../server/portfolio/portfolio.store';
import { limitPrompts, loadPromptSet } from '../../../server/portfolio/prompt-set.loader';
import { ollamaJudgeRewards } from '../../../server/rewards/judge/judge-registry';
import { startFakeOllama, type ChatRequestBody, type FakeOllama, type FakeOllamaOptions } from '../../fakes/fake-ollama';
import { tempDatabase } from '../../helpers/temp-db';
import { REPO_ROOT } from '../../helpers/test-model';

const prompts = loadPromptSet(resolve(REPO_ROOT, 'data/prompts'));
const BASE = 'llama3.2:1b';
const GUARD = 'llama-guard3:1b';

function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    mu: 0.4, alpha: 0.2, epsilon: 0.02, delta: 0.01, samples: 1, prompts, trainLimit: 4, evalLimit: 2,
    space: { temperatures: [0.8], maxTokens: [8, 64], maxCandidates: 8 },
    concurrency: 2, activate: true, ...overrides,
  };
}

const isJudge = (r: ChatRequestBody): boolean => r.model === GUARD || r.format !== undefined;

describe('the PALM build against Ollama (protocol fake): same code as production', () => {
  let fake: FakeOllama;
  let t: ReturnType<typeof tempDatabase>;
  let logs: string[];
  beforeEach(() => {
    t = tempDatabase();
    logs = [];
  });
  afterEach(async () => {
    await fake.close();
    t.cleanup();
  });

  async function deps(fakeOptions: FakeOllamaOptions = {}) {
    fake = await startFakeOllama({ models: [BASE, GUARD], ...fakeOptions });
    const metered = meterThroughput(createOllamaBackend({ host: fake.host, model: BASE, parallel: 2, numCtx: 2048, retries: 0 }));
    const rewards = ollamaJudgeRewards({ host: fake.host, parallel: 2, safetyModel: GUARD, humorModel: BASE, numCtx: 2048, log: (l) => void logs.push(l) });
    return { db: t.db, llm: metered.backend, rewards, throughput: metered.throughput };
  }

  it('builds, activates and certifies a portfolio with judge rewards, reporting server-side throughput', async () => {
    const d = await deps();
    const result = await buildPortfolio(d, options());
    expect(loadActivePortfolio(t.db)?.version).toBe(result.versionId);
    expect(result.members.length).toBeGreaterThanOrEqual(2);
    // Policies differ because the fake answers by system prompt: the members have different reward vectors.
    const vectors = new Set(result.members.map((m) => m.rewards.map((r) => r.toFixed(3)).join()));
    expect(vectors.size).toBe(result.members.length);
    const policyRequests = fake.chatRequests.filter((r) => !isJudge(r));
    expect(policyRequests).toHaveLength(8 * (4 + 2));
    expect(policyRequests.every((r) => r.model === BASE)).toBe(true);
    // Generation and the humor judge share the base model: one num_ctx for all, so Ollama never reloads it.
    expect(fake.chatRequests.filter((r) => r.model === BASE).map((r) => r.options?.num_ctx)).toEqual(fake.chatRequests.filter((r) => r.model === BASE).map(() => 2048));
    expect(fake.chatRequests.filter((r) => r.model === GUARD).length).toBeGreaterThan(0);
    expect(fake.chatRequests.filter((r) => r.format !== undefined).length).toBeGreaterThan(0);
    const tp = d.throughput();
    expect(tp.generations).toBe(policyRequests.length);
    expect(tp.evalTokens).toBeGreaterThan(0);
    expect(tp.tokensPerSecond).toBeGreaterThan(0);
    expect(logs).toEqual([]);
  });

  it('judge failures leave scores missing with a log line, and the build still finishes', async () => {
    // The humor judge answers garbage for every answer to one prompt, and off-scale for another.
    const used = limitPrompts(prompts.train, 4);
    const bad = used[0]?.text ?? '';
    const off = used[1]?.text ?? '';
    const script: FakeOllamaOptions['script'] = (body) => {
      const text = body.messages.at(-1)?.content ?? '';
      if (body.format === undefined) return undefined;
      if (text.includes(bad)) return { pieces: ['{"rating": '] };
      if (text.includes(off)) return { pieces: ['{"rating": 11}'] };
      return undefined;
    };
    const result = await buildPortfolio(await deps({ script }), options());
    expect(result.versionId).toBeGreaterThan(0);
    // Equal (prompt, answer) pairs are judged once, so there are fewer lines than candidates.
    expect(logs.some((l) => l.includes('{\\"rating\\": 11}'))).toBe(true);
    expect(logs.some((l) => l.includes('"{\\"rating\\": "'))).toBe(true);
    expect(logs.every((l) => l.startsWith('judge humor-judge:llama3.2:1b: answer'))).toBe(true);
    // Missing is not zero: humor rests on the 2 of 4 train prompts that were scored, the other traits on all 4.
    expect(result.trainEstimates.every((e) => e.prompts.join() === '4,2,4')).toBe(true);
  });

  it('an interrupted build resumes without regenerating stored answers', async () => {
    const d = await deps({ delayMs: 1 });
    const stop = new AbortController();
    const interrupted = buildPortfolio({ ...d, onProgress: (e) => e.type === 'generations' && e.fresh >= 10 && stop.abort() }, { ...options(), signal: stop.signal });
    await expect(interrupted).rejects.toThrow();
    const stored = t.db.select({ n: count() }).from(generations).get()?.n ?? 0;
    expect(stored).toBeGreaterThanOrEqual(10);
    // A request the client sent just before aborting may reach the fake a moment later: let it land.
    await new Promise((r) => setTimeout(r, 100));
    const before = fake.chatRequests.filter((r) => !isJudge(r)).length;
    const resumed = await buildPortfolio(d, options());
    const after = fake.chatRequests.filter((r) => !isJudge(r)).length;
    expect(resumed.generations.cached).toBe(stored);
    expect(resumed.generations.fresh).toBe(8 * 6 - stored);
    expect(after - before).toBe(8 * 6 - stored);
  });
});
