import type { Config } from '../../server/config';
import type { Db } from '../../server/db/client';
import type { LlmBackend } from '../../server/llm/llm.types';
import { OllamaModels } from '../../server/llm/ollama/ollama-models';
import { loadImportedPolicies } from '../../server/portfolio/import-policy';
import { materializePortfolio } from '../../server/portfolio/ollama-policy-models';
import { ollamaJudgeRewards } from '../../server/rewards/judge/judge-registry';
import { DEFAULT_REWARDS } from '../../server/rewards/registry';
import type { RewardFunction } from '../../server/rewards/reward.types';
import type { PolicySpec } from '../../shared/schemas/policy.schema';

export type JudgeKind = 'lexical' | 'ollama';

/**
 * The reward set for a build: the embedded lexical scorers, or LLM judges on the configured
 * Ollama server (which must have the judge models: they are pulled when missing and OLLAMA_PULL allows).
 */
export async function rewardsFor(kind: JudgeKind, config: Config, log: (line: string) => void): Promise<readonly RewardFunction[]> {
  if (kind === 'lexical') return DEFAULT_REWARDS;
  const host = config.llm.ollamaHost.replace(/\/+$/, '');
  const models = new OllamaModels(host);
  await models.version().catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`--judges ollama needs a reachable Ollama (${why}). Start Ollama or set OLLAMA_HOST, or leave out --judges to score with the built-in lexical rewards.`);
  });
  for (const model of new Set([config.judges.safetyModel, config.judges.humorModel])) {
    if ((await models.ensure(model, { pull: config.llm.ollamaPull })) === 'pulled') log(`pulled judge model ${model}`);
  }
  log(`judges on Ollama at ${host}: safety ${config.judges.safetyModel}, humor ${config.judges.humorModel}`);
  return ollamaJudgeRewards({ host, parallel: config.llm.parallel, numCtx: config.llm.ollamaNumCtx, keepAlive: config.llm.ollamaKeepAlive, safetyModel: config.judges.safetyModel, humorModel: config.judges.humorModel, log });
}

/** Imported policies join the searched candidates only on Ollama, the one backend that can run them. */
export function importedCandidates(db: Db, llm: LlmBackend): PolicySpec[] {
  return llm.info.kind === 'ollama' ? loadImportedPolicies(db) : [];
}

/** After activating a version on Ollama, create its members as Ollama models (DESIGN §3 step 6). */
export async function materializeOnOllama(db: Db, llm: LlmBackend, config: Config, version: number, log: (line: string) => void): Promise<void> {
  if (llm.info.kind !== 'ollama') return;
  const models = new OllamaModels(config.llm.ollamaHost.replace(/\/+$/, ''));
  const { created, kept } = await materializePortfolio({ db, models, version, numCtx: config.llm.ollamaNumCtx, log });
  log(`Ollama policy models for version ${version}: ${created.length} created, ${kept.length} already present. Remove those of older versions with \`npm run ollama:prune\`.`);
}
