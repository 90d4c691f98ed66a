import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { policies } from '../db/schema';
import { modelMissing } from '../llm/ollama/ollama-errors';
import type { OllamaModels } from '../llm/ollama/ollama-models';
import { policySpecSchema, type Decoding, type PolicySpec } from '../../shared/schemas/policy.schema';
import { policyIdFor } from './policy-id';

export const IMPORT_DECODING: Decoding = { temperature: 0.8, topP: 0.9, maxTokens: 64 };

export interface ImportPolicyInput {
  /** The Ollama model that answers for the policy: any tag, e.g. a fine-tune created with ADAPTER. */
  model: string;
  name: string;
  decoding?: Decoding;
}

/**
 * Registers an existing Ollama model as a candidate policy (origin 'import'). It carries no
 * system prompt of ours (the model's own SYSTEM applies) and no instruction levels; the build
 * measures, prunes and routes it like a searched candidate. Importing the same spec twice is a no-op.
 */
export async function importOllamaPolicy(db: Db, models: OllamaModels, input: ImportPolicyInput): Promise<PolicySpec> {
  const shown = await models.show(input.model);
  if (!shown) throw modelMissing(input.model);
  const spec = {
    origin: 'import' as const,
    // The family it was made from, for display; generation uses `ollamaModel`.
    baseModel: shown.parentModel || input.model,
    levels: { safety: 0 as const, humor: 0 as const, brevity: 0 as const },
    system: '',
    decoding: input.decoding ?? IMPORT_DECODING,
    ollamaModel: input.model,
  };
  const policy = policySpecSchema.parse({ ...spec, id: policyIdFor(spec), name: input.name });
  db.insert(policies).values({ id: policy.id, spec: policy, origin: policy.origin }).onConflictDoUpdate({ target: policies.id, set: { spec: policy } }).run();
  return policy;
}

/** Every imported policy, to add to the searched candidates of a build. */
export function loadImportedPolicies(db: Db): PolicySpec[] {
  return db
    .select({ spec: policies.spec })
    .from(policies)
    .where(eq(policies.origin, 'import'))
    .all()
    .map((row) => policySpecSchema.parse(row.spec));
}
