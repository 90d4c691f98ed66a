import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../server/config';
import { openDatabase } from '../server/db/client';
import { chooseBackend, type BackendSettings } from '../server/llm/choose-backend';
import { buildPortfolio, type BuildOptions } from '../server/portfolio/build-pipeline';
import { loadPromptSet } from '../server/portfolio/prompt-set.loader';
import { DEFAULT_REWARDS } from '../server/rewards/registry';
import { parseBuildFlags, USAGE, type BuildFlags } from './lib/build-portfolio-args';
import { formatBuildReport } from './lib/build-report';
import { ProgressBar } from './lib/progress-bar';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Composition root: flags, config, backend, database; the build itself is library code. */
async function main(): Promise<void> {
  // Everything that can be wrong with the input is checked before the database is touched.
  const flags = parseBuildFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const config = loadConfig(process.env, REPO_ROOT);
  const prompts = loadPromptSet(resolve(REPO_ROOT, flags.prompts));
  const { backend, banner } = await chooseBackend(backendSettings(config, flags));
  console.error(banner);
  const db = openDatabase(flags.db === undefined ? config.databasePath : resolve(flags.db));
  const stop = new AbortController();
  const onSigint = (): void => stop.abort(new Error('interrupted: every answer generated so far is cached, a re-run resumes from there'));
  process.once('SIGINT', onSigint);
  try {
    const bar = new ProgressBar(process.stderr);
    const options = buildOptions(flags, prompts, config, stop.signal);
    const result = await buildPortfolio(
      { db, llm: backend, rewards: DEFAULT_REWARDS, onProgress: (e) => (e.type === 'phase' ? bar.line(e.message) : bar.update(e)) },
      options,
    );
    bar.finish();
    console.log(formatBuildReport(result, options));
  } finally {
    process.off('SIGINT', onSigint);
    await backend.close();
    db.$client.close();
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

function buildOptions(flags: BuildFlags, prompts: BuildOptions['prompts'], config: Config, signal: AbortSignal): BuildOptions {
  const limit = (n: number): number | undefined => (n === 0 ? undefined : n);
  return {
    mu: flags.mu,
    alpha: flags.alpha,
    epsilon: flags.epsilon,
    delta: flags.delta,
    samples: flags.samples,
    prompts,
    trainLimit: limit(flags['train-limit']),
    evalLimit: limit(flags['eval-limit']),
    space: { temperatures: flags.temperatures, maxTokens: flags['max-tokens'], maxCandidates: limit(flags['max-candidates']) },
    concurrency: flags.parallel ?? config.llm.parallel,
    activate: !flags['no-activate'],
    signal,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
