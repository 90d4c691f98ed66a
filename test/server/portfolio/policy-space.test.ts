import { describe, expect, it } from 'vitest';
import { candidatePolicies, spreadSubset, systemPromptFor } from '../../../server/portfolio/policy-space';
import { policySpecSchema } from '../../../shared/schemas/policy.schema';

const space = { baseModel: 'm.gguf', temperatures: [0.3, 0.9], maxTokens: [16, 64] };

describe('candidate policy space', () => {
  it('crosses three levels per trait with the decoding options, every spec valid with a unique id and name', () => {
    const all = candidatePolicies(space);
    expect(all).toHaveLength(27 * 4);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
    expect(new Set(all.map((p) => p.name)).size).toBe(all.length);
    for (const p of all) expect(policySpecSchema.parse(p)).toEqual(p);
    expect(all.map((p) => p.name)).toContain('s2-h0-b1-t0.9-n64');
  });

  it('turns levels into system-prompt sentences', () => {
    expect(systemPromptFor({ safety: 0, humor: 0, brevity: 0 })).toBe('You are a helpful assistant.');
    const strong = systemPromptFor({ safety: 2, humor: 1, brevity: 2 });
    expect(strong).toContain('Answer in one or two short sentences.');
    expect(strong).toContain('refuse');
    expect(strong.length).toBeGreaterThan(systemPromptFor({ safety: 1, humor: 1, brevity: 1 }).length);
  });

  it('shrinks by allowed levels and by an evenly spread candidate budget that still spans the space', () => {
    expect(candidatePolicies({ ...space, levels: { humor: [0], brevity: [0, 2] } })).toHaveLength(3 * 1 * 2 * 4);
    const few = candidatePolicies({ ...space, maxCandidates: 10 });
    expect(few).toHaveLength(10);
    expect(new Set(few.map((p) => p.levels.safety)).size).toBe(3);
    expect(new Set(few.map((p) => p.decoding.maxTokens)).size).toBe(2);
    expect(spreadSubset([1, 2, 3, 4, 5], 3)).toEqual([1, 3, 5]);
  });

  it('gives the same spec the same id in another build, and another base model another id', () => {
    const a = candidatePolicies(space);
    expect(candidatePolicies(space).map((p) => p.id)).toEqual(a.map((p) => p.id));
    expect(candidatePolicies({ ...space, baseModel: 'other.gguf' })[0]?.id).not.toBe(a[0]?.id);
  });

  it('adds imported policies after the capped searched ones, once each', () => {
    const lora = { id: 'p_lora', name: 'lora', origin: 'import' as const, baseModel: 'llama', levels: { safety: 0 as const, humor: 0 as const, brevity: 0 as const }, system: '', decoding: { temperature: 0.8, topP: 0.9, maxTokens: 64 }, ollamaModel: 'lora:7b' };
    const all = candidatePolicies({ ...space, maxCandidates: 4, imported: [lora, lora] });
    expect(all).toHaveLength(5);
    expect(all.at(-1)).toEqual(lora);
  });
});
