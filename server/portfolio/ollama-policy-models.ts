import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { ollamaPolicyModels, portfolioVersions } from '../db/schema';
import type { OllamaModels } from '../llm/ollama/ollama-models';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import { loadPortfolio } from './portfolio.store';

/** Stable and versioned: the same policy in two versions gets two models, so a rollback keeps working. */
export function policyModelName(version: number, policyId: string): string {
  return `palm-v${version}-${policyId.toLowerCase()}`;
}

/**
 * The Modelfile parameters of a policy model. num_ctx is the same for every policy of one base
 * model: Ollama then serves them all from one loaded runner instead of reloading per policy.
 */
export function policyModelParameters(policy: PolicySpec, numCtx: number): Record<string, number> {
  return { num_ctx: numCtx, temperature: policy.decoding.temperature, top_p: policy.decoding.topP, num_predict: policy.decoding.maxTokens };
}

export interface MaterializeOptions {
  db: Db;
  models: OllamaModels;
  version: number;
  numCtx: number;
  log?: (line: string) => void;
}

/**
 * Creates each member of a portfolio version on Ollama (`create` with from, system, parameters)
 * and records it. Idempotent: a model recorded and still present on the server is not recreated.
 */
export async function materializePortfolio(options: MaterializeOptions): Promise<{ created: string[]; kept: string[] }> {
  const { db, models, version } = options;
  const portfolio = loadPortfolio(db, version);
  if (!portfolio) throw new Error(`portfolio version ${version} does not exist`);
  const result = { created: [] as string[], kept: [] as string[] };
  for (const { policy } of portfolio.candidates.filter((c) => c.selected)) {
    const name = policyModelName(version, policy.id);
    const recorded = db.select().from(ollamaPolicyModels).where(eq(ollamaPolicyModels.name, name)).get();
    if (recorded && recorded.host === models.host && (await models.show(name)) !== undefined) {
      result.kept.push(name);
      continue;
    }
    const from = policy.ollamaModel ?? policy.baseModel;
    await models.create({ model: name, from, ...(policy.system === '' ? {} : { system: policy.system }), parameters: policyModelParameters(policy, options.numCtx) });
    db.insert(ollamaPolicyModels)
      .values({ name, versionId: version, policyId: policy.id, fromModel: from, host: models.host })
      .onConflictDoUpdate({ target: ollamaPolicyModels.name, set: { fromModel: from, host: models.host, createdAt: Date.now() } })
      .run();
    options.log?.(`created Ollama model ${name} from ${from} for policy ${policy.name}`);
    result.created.push(name);
  }
  return result;
}

/**
 * Deletes the policy models of every version that is neither active nor listed in `keepVersions`
 * (e.g. the rollback target), on this host. A model already gone from the server is forgotten too.
 */
export async function prunePolicyModels(db: Db, models: OllamaModels, keepVersions: readonly number[] = []): Promise<string[]> {
  const active = db.select({ id: portfolioVersions.id }).from(portfolioVersions).where(eq(portfolioVersions.status, 'active')).all();
  const keep = [...new Set([...active.map((r) => r.id), ...keepVersions])];
  const stale = db
    .select()
    .from(ollamaPolicyModels)
    .where(and(eq(ollamaPolicyModels.host, models.host), notInArray(ollamaPolicyModels.versionId, keep)))
    .all();
  const removed: string[] = [];
  for (const row of stale) {
    await models.delete(row.name);
    db.delete(ollamaPolicyModels).where(eq(ollamaPolicyModels.name, row.name)).run();
    removed.push(row.name);
  }
  return removed;
}

/** The model that answers for a policy of a version on Ollama, when it was materialized there. */
export function materializedModel(db: Db, version: number, policyId: string): string | undefined {
  const name = policyModelName(version, policyId);
  return db.select({ name: ollamaPolicyModels.name }).from(ollamaPolicyModels).where(eq(ollamaPolicyModels.name, name)).get()?.name;
}
