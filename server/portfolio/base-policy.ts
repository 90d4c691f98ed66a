import type { PolicySpec } from '../../shared/schemas/policy.schema';
import { policyIdFor } from './policy-id';

/** What serves when no portfolio is active: the base model with no steering prompt. */
export function basePolicy(baseModel: string): PolicySpec {
  const spec = {
    origin: 'base' as const,
    baseModel,
    levels: { safety: 1 as const, humor: 1 as const, brevity: 1 as const },
    system: '',
    decoding: { temperature: 0.7, topP: 0.9, maxTokens: 256 },
  };
  return { ...spec, id: policyIdFor(spec), name: 'base' };
}
