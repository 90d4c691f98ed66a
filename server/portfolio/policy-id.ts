import { createHash } from 'node:crypto';
import type { PolicySpec } from '../../shared/schemas/policy.schema';

/**
 * A policy's id is a hash of what determines its answers (not its display name), so the same
 * spec measured in two builds shares cached generations and rewards.
 */
export function policyIdFor(spec: Omit<PolicySpec, 'id' | 'name'>): string {
  const canonical = JSON.stringify({
    origin: spec.origin,
    baseModel: spec.baseModel,
    levels: [spec.levels.safety, spec.levels.humor, spec.levels.brevity],
    system: spec.system,
    decoding: [spec.decoding.temperature, spec.decoding.topP, spec.decoding.maxTokens],
    // Undefined keys vanish from JSON, so ids of policies without a model of their own are unchanged.
    ollamaModel: spec.ollamaModel,
  });
  return `p_${createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}
