import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, readEnvironment, type Config } from '../../server/config';
import { openDatabase, type Db } from '../../server/db/client';
import { chooseBackend, type BackendSettings } from '../../server/llm/choose-backend';
import type { LlmBackend } from '../../server/llm/llm.types';
import { meterThroughput, formatThroughput } from '../../server/llm/throughput-meter';
import { buildPortfolio, type BuildOptions, type BuildProgress, type BuildResult } from '../../server/portfolio/build-pipeline';
import { loadPromptSet } from '../../server/portfolio/prompt-set.loader';
import type { RewardFunction } from '../../server/rewards/reward.types';
import type { BuildFlags } from './build-portfolio-args';
import { formatBuildReport } from './build-report';
import { importedCandidates, materializeOnOllama, rewardsFor } from './ollama-extras';
import { ProgressBar } from './progress-bar';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The build command after its flags are parsed: config, prompts and backend are checked before
 * the database is opened, so bad input leaves no file behind.
 */
export async function runBuildCommand(flags: BuildFlags): Promise<void> {
  const config = loadConfig(readEnvironment(REPO_ROOT), REPO_ROOT);
  const prompts = loadPromptSet(resolve(REPO_ROOT, flags.prompts));
  const log = (line: string): void => console.error(line);
  // Judges first: an unreachable judge server fails before a model is loaded.
  const rewards = await rewardsFor(flags.judges, config, log);
  const { backend, banner } = await chooseBackend(backendSettings(config, flags));
  try {
    console.error(banner);
    const db = openDatabase(flags.db === undefined ? config.databasePath : resolve(flags.db));
    try {
      const options = buildOptions(flags, prompts, config);
      options.space.imported = importedCandidates(db, backend);
      const result = await buildWithProgress(db, backend, rewards, options);
      if (result.activated) await materializeOnOllama(db, backend, config, result.versionId, log);
    } finally {
      db.$client.close();
    }
  } finally {
    await backend.close();
  }
}

/** Runs the build with a progress bar on stderr and prints the report; Ctrl-C stops it cleanly. */
async function buildWithProgress(db: Db, llm: LlmBackend, rewards: readonly RewardFunction[], options: Omit<BuildOptions, 'signal'>): Promise<BuildResult> {
  const stop = new AbortController();
  const onSigint = (): void => stop.abort(new Error('interrupted: every answer generated so far is cached, a re-run resumes from there'));
  process.once('SIGINT', onSigint);
  try {
    const bar = new ProgressBar(process.stderr);
    const onProgress = (e: BuildProgress): void => (e.type === 'phase' ? bar.line(e.message) : bar.update(e));
    const metered = meterThroughput(llm);
    const result = await buildPortfolio({ db, llm: metered.backend, rewards, onProgress }, { ...options, signal: stop.signal });
    bar.finish();
    console.log(formatBuildReport(result, options));
    console.log(formatThroughput(metered.throughput(), llm.info.kind));
    return result;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function backendSettings(config: Config, flags: BuildFlags): BackendSettings {
  const llm = { ...config.llm, backend: flags.backend ?? config.llm.backend };
  if (flags.parallel !== undefined) llm.parallel = flags.parallel;
  if (flags.threads !== undefined) llm.threads = flags.threads;
  // A .gguf path names a local model; anything else is an Ollama tag.
  if (flags.model?.toLowerCase().endsWith('.gguf')) llm.modelPath = resolve(flags.model);
  else if (flags.model !== undefined) llm.ollamaModel = flags.model;
  return llm;
}

function buildOptions(flags: BuildFlags, prompts: BuildOptions['prompts'], config: Config): Omit<BuildOptions, 'signal'> {
  const limit = (n: number): number | undefined => (n === 0 ? undefined : n);
  return {
    mu: flags.mu,
    alpha: flags.alpha,
    epsilon: flags.epsilon,
    delta: flags.delta,
    selection: flags.selection,
    ...(flags.budget === undefined ? {} : { budget: flags.budget }),
    samples: flags.samples,
    prompts,
    trainLimit: limit(flags['train-limit']),
    evalLimit: limit(flags['eval-limit']),
    space: { temperatures: flags.temperatures, maxTokens: flags['max-tokens'], maxCandidates: limit(flags['max-candidates']) },
    concurrency: flags.parallel ?? config.llm.parallel,
    activate: !flags['no-activate'],
  };
}
