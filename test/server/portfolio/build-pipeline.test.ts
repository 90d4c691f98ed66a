import { resolve } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobs, generations, portfolioCandidates, rewardCache } from '../../../server/db/schema';
import { createEmbeddedBackend } from '../../../server/llm/embedded.backend';
import type { LlmBackend } from '../../../server/llm/llm.types';
import { buildPortfolio, type BuildOptions } from '../../../server/portfolio/build-pipeline';
import { loadActivePortfolio } from '../../../server/portfolio/portfolio.store';
import { loadPromptSet } from '../../../server/portfolio/prompt-set.loader';
import { DEFAULT_REWARDS } from '../../../server/rewards/registry';
import { geometricGrid } from '../../../shared/palm/grid';
import { tempDatabase } from '../../helpers/temp-db';
import { REPO_ROOT, TEST_MODEL_PATH } from '../../helpers/test-model';
import { coversAll } from './covers-all';

const prompts = loadPromptSet(resolve(REPO_ROOT, 'data/prompts'));

/** Tiny but real: 6 candidates × (5 train + 3 eval) prompts, short answers. */
function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    mu: 0.4, alpha: 0.2, epsilon: 0.02, delta: 0.01, samples: 1, prompts, trainLimit: 5, evalLimit: 3,
    space: { temperatures: [0.8], maxTokens: [8, 32], maxCandidates: 6 },
    concurrency: 2, activate: true, ...overrides,
  };
}

function rows(t: ReturnType<typeof tempDatabase>, table: typeof generations | typeof rewardCache): number {
  return t.db.select({ n: count() }).from(table).get()?.n ?? 0;
}

describe('buildPortfolio on the test model', () => {
  let llm: LlmBackend;
  const t = tempDatabase();

  beforeAll(async () => {
    llm = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 2, contextSize: 512 });
  });
  afterAll(async () => {
    await llm.close();
    t.cleanup();
  });

  it('builds, certifies and activates a portfolio, caching every answer and score', async () => {
    const phases: string[] = [];
    let lastTick = { done: 0, total: 0 };
    const result = await buildPortfolio(
      { db: t.db, llm, rewards: DEFAULT_REWARDS, onProgress: (e) => (e.type === 'phase' ? phases.push(e.phase) : (lastTick = e)) },
      options(),
    );
    const active = loadActivePortfolio(t.db);
    expect(active?.version).toBe(result.versionId);
    expect(active?.candidates).toHaveLength(6);
    expect(active?.candidates.filter((c) => c.selected).length).toBeGreaterThanOrEqual(1);
    expect(active?.certificate?.predicted.epsilonBound).toBeCloseTo(1.6);
    expect(active?.params).toMatchObject({ trainPrompts: 5, evalPrompts: 3, backend: 'embedded', model: 'stories260K.gguf' });
    const grid = geometricGrid(3, 0.4, 0.2);
    const trainR = result.trainEstimates.map((e) => e.mean);
    const members = result.members.map((m) => m.trainRewards);
    expect(coversAll(members, trainR, grid, 0.02, 0.01)).toBe(true);
    expect(result.members.reduce((n, m) => n + m.coveredGridPoints, 0)).toBe(grid.length);
    expect(result.generations).toEqual({ fresh: 6 * 8, cached: 0 });
    expect(rows(t, generations)).toBe(48);
    expect(rows(t, rewardCache)).toBeGreaterThan(0);
    expect(lastTick).toEqual(expect.objectContaining({ done: 48, total: 48 }));
    expect(phases).toEqual(['generate-train', 'select', 'generate-eval', 'certify', 'save']);
    const job = t.db.select().from(buildJobs).where(eq(buildJobs.id, result.jobId)).get();
    expect(job).toMatchObject({ status: 'succeeded', versionId: result.versionId, progress: 1 });
    expect(job?.log).toContain('saved portfolio version');
    const metrics = active?.certificate?.metrics;
    expect(metrics?.usage).toHaveLength(result.members.length);
    expect(metrics?.usage.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(metrics?.usagePerplexity).toBeGreaterThanOrEqual(1 - 1e-9);
    expect(metrics?.usagePerplexity).toBeLessThanOrEqual(result.members.length + 1e-9);
    expect(metrics?.distinct2).toBeGreaterThan(0);
    expect(metrics?.distinct2).toBeLessThanOrEqual(1);
  });

  it('a re-run generates and scores nothing new and yields the same portfolio', async () => {
    const before = { gens: rows(t, generations), scores: rows(t, rewardCache) };
    const first = loadActivePortfolio(t.db);
    const result = await buildPortfolio({ db: t.db, llm, rewards: DEFAULT_REWARDS }, options());
    expect(result.generations).toEqual({ fresh: 0, cached: 48 });
    expect(result.scores.scored).toBe(0);
    expect({ gens: rows(t, generations), scores: rows(t, rewardCache) }).toEqual(before);
    const second = loadActivePortfolio(t.db);
    expect(second?.version).toBe(result.versionId);
    expect(second?.candidates.filter((c) => c.selected).map((c) => c.policy.id)).toEqual(first?.candidates.filter((c) => c.selected).map((c) => c.policy.id));
  });

  it('an interrupted build fails its job, keeps the answers it finished, and the next run resumes from them', async () => {
    const stop = new AbortController();
    const more = options({ trainLimit: 8, space: { temperatures: [0.8], maxTokens: [8, 32], maxCandidates: 6 } });
    const run = buildPortfolio(
      { db: t.db, llm, rewards: DEFAULT_REWARDS, onProgress: (e) => e.type === 'generations' && e.fresh >= 6 && stop.abort() },
      { ...more, signal: stop.signal },
    );
    await expect(run).rejects.toThrow();
    const failed = t.db.select().from(buildJobs).where(eq(buildJobs.status, 'failed')).all();
    expect(failed).toHaveLength(1);
    const stored = rows(t, generations);
    expect(stored).toBeGreaterThanOrEqual(48 + 6);
    const resumed = await buildPortfolio({ db: t.db, llm, rewards: DEFAULT_REWARDS }, more);
    expect(resumed.generations.cached).toBe(stored);
    expect(resumed.generations.fresh).toBe(6 * 11 - stored);
  });

  it('keeps the previous portfolio active with activate: false', async () => {
    const active = loadActivePortfolio(t.db)?.version;
    const result = await buildPortfolio({ db: t.db, llm, rewards: DEFAULT_REWARDS }, options({ activate: false }));
    expect(loadActivePortfolio(t.db)?.version).toBe(active);
    const stored = t.db.select({ n: count() }).from(portfolioCandidates).where(eq(portfolioCandidates.versionId, result.versionId)).get();
    expect(stored?.n).toBe(6);
  });
});
