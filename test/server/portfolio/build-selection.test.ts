import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend } from '../../../server/llm/embedded.backend';
import type { LlmBackend } from '../../../server/llm/llm.types';
import { buildPortfolio, type BuildOptions, type BuildResult } from '../../../server/portfolio/build-pipeline';
import { loadPortfolio } from '../../../server/portfolio/portfolio.store';
import { loadPromptSet } from '../../../server/portfolio/prompt-set.loader';
import { DEFAULT_REWARDS } from '../../../server/rewards/registry';
import { sampleSimplex } from '../../../shared/palm/prng';
import { tempDatabase } from '../../helpers/temp-db';
import { REPO_ROOT, TEST_MODEL_PATH } from '../../helpers/test-model';

const prompts = loadPromptSet(resolve(REPO_ROOT, 'data/prompts'));
const EPSILON = 0.02;
const DELTA = 0.01;

/** Small but real: 8 candidates × (6 train + 3 eval) prompts; every mode re-uses the cached answers. */
function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    mu: 0.4, alpha: 0.2, epsilon: EPSILON, delta: DELTA, samples: 1, prompts, trainLimit: 6, evalLimit: 3,
    space: { temperatures: [0.5, 1.0], maxTokens: [8, 32], maxCandidates: 8 },
    concurrency: 2, activate: true, ...overrides,
  };
}

const dot = (w: readonly number[], r: readonly number[]): number => w.reduce((s, x, i) => s + x * (r[i] ?? 0), 0);
const best = (w: readonly number[], rows: readonly (readonly number[])[]): number => Math.max(...rows.map((r) => dot(w, r)));

describe('portfolio selection modes in the build (test model)', () => {
  let llm: LlmBackend;
  const t = tempDatabase();
  const build = (overrides: Partial<BuildOptions> = {}): Promise<BuildResult> => buildPortfolio({ db: t.db, llm, rewards: DEFAULT_REWARDS }, options(overrides));

  beforeAll(async () => {
    llm = await createEmbeddedBackend({ modelPath: TEST_MODEL_PATH, threads: 1, parallel: 2, contextSize: 512 });
  });
  afterAll(async () => {
    await llm.close();
    t.cleanup();
  });

  it('default mode: every point of a fine simplex sample is within (ε, δ) on the returned train estimates', async () => {
    const result = await build();
    const trainR = result.trainEstimates.map((e) => e.mean);
    const members = result.members.map((m) => m.trainRewards);
    for (const w of sampleSimplex(3, 20_000, 11)) {
      const opt = best(w, trainR);
      expect(best(w, members)).toBeGreaterThanOrEqual((1 - EPSILON) * opt - DELTA - 1e-9);
    }
    expect(result.selection).toMatchObject({ mode: 'greedy', budget: null, certified: true });
    expect(result.selection.tradeoff.length).toBe(Math.min(8, trainR.length));
    expect(loadPortfolio(t.db, result.versionId)?.certificate?.selection).toMatchObject({ mode: 'greedy', certified: true });
  }, 300_000);

  it('exact mode gives no more members than greedy on the same cached pool', async () => {
    const greedy = await build();
    const exact = await build({ selection: 'exact' });
    expect(exact.generations.fresh).toBe(0);
    expect(exact.selection.mode).toBe('exact');
    expect(exact.members.length).toBeLessThanOrEqual(greedy.members.length);
    expect(loadPortfolio(t.db, exact.versionId)?.certificate?.selection?.mode).toBe('exact');
  }, 300_000);

  it('budget k = 1 keeps one member whose worst gap is at least that of k = 2', async () => {
    const one = await build({ budget: 1 });
    const two = await build({ budget: 2 });
    expect(one.members).toHaveLength(1);
    expect(two.members.length).toBeLessThanOrEqual(2);
    expect(loadPortfolio(t.db, one.versionId)?.certificate?.selection).toMatchObject({ mode: 'budget', budget: 1 });
    const worst = (r: BuildResult): number => r.selection.budgetGaps?.worstEpsilon ?? Number.NaN;
    expect(worst(one)).toBeGreaterThanOrEqual(worst(two));
  }, 300_000);
});
