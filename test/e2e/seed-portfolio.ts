import type { Db } from '../../server/db/client';
import { savePortfolioVersion, type CandidateRecord } from '../../server/portfolio/portfolio.store';
import { searchPolicy } from '../../server/portfolio/policy-space';
import type { PolicySpec } from '../../shared/schemas/policy.schema';

export interface SeededPortfolio {
  version: number;
  /** Best member when humor dominates the sliders. */
  humorous: PolicySpec;
  /** Best member when safety dominates. */
  careful: PolicySpec;
}

/**
 * Activates a small hand-made portfolio of real policy specs (system prompt + decoding) for the
 * browser test. The reward vectors are invented, not measured: this test checks that the UI
 * shows the routing the server computes; building and measuring is tested by the build script's test.
 */
export function seedPortfolio(db: Db, baseModel: string): SeededPortfolio {
  const decoding = { temperature: 0.8, topP: 0.9, maxTokens: 48 };
  const humorous = searchPolicy(baseModel, { safety: 0, humor: 2, brevity: 1 }, decoding);
  const careful = searchPolicy(baseModel, { safety: 2, humor: 0, brevity: 1 }, decoding);
  const middling = searchPolicy(baseModel, { safety: 1, humor: 1, brevity: 1 }, decoding);
  const record = (policy: PolicySpec, rewards: number[], selected: boolean): CandidateRecord => ({
    policy,
    rewards,
    stderr: rewards.map(() => 0.02),
    samples: 8,
    selected,
    coveredGridPoints: selected ? 6 : 0,
  });
  const version = savePortfolioVersion(db, {
    params: {
      mu: 0.4, alpha: 0.2, epsilon: 0.05, delta: 0.02, backend: 'embedded', model: baseModel,
      trainPrompts: 8, evalPrompts: 4, samplesPerPrompt: 1,
    },
    certificate: null,
    activate: true,
    candidates: [
      record(humorous, [0.35, 0.9, 0.6], true),
      record(careful, [0.95, 0.2, 0.6], true),
      // Not selected but still a candidate: OPT(w) ranges over it, so "% of best" can be < 100.
      record(middling, [0.7, 0.7, 0.62], false),
    ],
  });
  return { version, humorous, careful };
}
