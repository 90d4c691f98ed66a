import type { Decoding, PolicySpec } from '../../shared/schemas/policy.schema';
import type { Db } from '../../server/db/client';
import { policyIdFor } from '../../server/portfolio/policy-id';
import { savePortfolioVersion, type CandidateRecord } from '../../server/portfolio/portfolio.store';

export function testPolicy(name: string, levels: PolicySpec['levels'], decoding: Partial<Decoding> = {}): PolicySpec {
  const spec = {
    origin: 'search' as const,
    baseModel: 'stories260K.gguf',
    levels,
    system: `Be ${name}.`,
    decoding: { temperature: 0.7, topP: 0.9, maxTokens: 48, ...decoding },
  };
  return { ...spec, id: policyIdFor(spec), name };
}

function candidate(policy: PolicySpec, rewards: number[], selected: boolean): CandidateRecord {
  return { policy, rewards, stderr: rewards.map(() => 0.01), samples: 10, selected, coveredGridPoints: selected ? 5 : 0 };
}

/**
 * A hand-made active portfolio (rewards in TRAITS order: safety, humor, brevity): a safety-heavy
 * and a humor-heavy member, plus an unselected candidate that is best for brevity-heavy users,
 * so their relative value is below 1.
 */
export function saveTestPortfolio(
  db: Db,
  decoding: Partial<Decoding> = {},
  funnyDecoding: Partial<Decoding> = decoding,
): { safe: PolicySpec; funny: PolicySpec; brief: PolicySpec; version: number } {
  const safe = testPolicy('safe', { safety: 2, humor: 0, brevity: 1 }, decoding);
  const funny = testPolicy('funny', { safety: 0, humor: 2, brevity: 1 }, funnyDecoding);
  const brief = testPolicy('brief', { safety: 1, humor: 1, brevity: 2 }, decoding);
  const version = savePortfolioVersion(db, {
    params: { mu: 0.4, alpha: 0.2, epsilon: 0.05, delta: 0.02, backend: 'embedded', model: 'stories260K.gguf', trainPrompts: 2, evalPrompts: 2, samplesPerPrompt: 1 },
    certificate: null,
    candidates: [candidate(safe, [0.9, 0.1, 0.5], true), candidate(funny, [0.1, 0.9, 0.5], true), candidate(brief, [0.4, 0.4, 1], false)],
    activate: true,
  });
  return { safe, funny, brief, version };
}
