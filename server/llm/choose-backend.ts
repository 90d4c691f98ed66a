import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createEmbeddedBackend } from './embedded.backend';
import { LlmError } from './llm.types';
import type { LlmBackend } from './llm.types';
import { createOllamaBackend, hasOllamaModel, isOllamaReachable } from './ollama.backend';
import { OllamaModels, type PullProgress } from './ollama/ollama-models';
import { pullProgressReporter } from './ollama/pull-progress';

export interface BackendSettings {
  backend: 'auto' | 'ollama' | 'embedded';
  ollamaHost: string;
  ollamaModel: string;
  /** Configured GGUF; when set it must exist (no silent fallback from an explicit path). */
  modelPath?: string;
  /** The git-ignored folder `npm run download-model` fills. */
  modelsDir: string;
  /** The tiny test model beside the repository, last resort for a first run. */
  demoModelPath: string;
  threads: number;
  parallel: number;
  contextSize: number;
  /** How long the start-up probe waits for Ollama (default 1500 ms). */
  ollamaProbeTimeoutMs?: number;
  /** Ollama keep_alive for every request (default 30m). */
  ollamaKeepAlive?: string;
  /** num_ctx sent with every request and baked into policy models: one value keeps one loaded model. */
  ollamaNumCtx?: number;
  /** Pull a missing model when the Ollama backend is chosen explicitly (default true). */
  ollamaPull?: boolean;
  /** Longest wait for the first byte of an answer (model loading included). */
  ollamaTimeoutMs?: number;
  /** Where pull progress goes (default: lines on stderr). */
  onPullProgress?: (progress: PullProgress) => void;
}

export interface ChosenBackend {
  backend: LlmBackend;
  /** Lines for the caller to print at start-up: what serves, and any warning. */
  banner: string;
}

export const HOW_TO_GET_A_MODEL =
  'Run `npm run download-model` to fetch a small instruct model into models/, or set MODEL_PATH to a .gguf file, or start Ollama (https://ollama.com) and `ollama pull <model>`.';

/** Start-up choice of DESIGN §4: explicit setting, else Ollama when reachable, else a local GGUF. */
export async function chooseBackend(settings: BackendSettings): Promise<ChosenBackend> {
  const notes: string[] = [];
  if (settings.backend === 'ollama') return withBanner(await openOllama(settings, notes), notes);
  if (settings.backend === 'auto') {
    const timeout = settings.ollamaProbeTimeoutMs ?? 1500;
    if (await isOllamaReachable(settings.ollamaHost, timeout)) {
      if (await hasOllamaModel(settings.ollamaHost, settings.ollamaModel)) return withBanner(await openOllama(settings, notes), notes);
      notes.push(`Ollama at ${settings.ollamaHost} has no model ${settings.ollamaModel} (run \`ollama pull ${settings.ollamaModel}\`); using the embedded backend.`);
    } else {
      notes.push(`Ollama is not reachable at ${settings.ollamaHost}; using the embedded backend.`);
    }
  }
  const modelPath = await findGguf(settings);
  const backend = await createEmbeddedBackend({
    modelPath,
    threads: settings.threads,
    parallel: settings.parallel,
    contextSize: settings.contextSize,
  });
  const isDemo = resolve(modelPath) === resolve(settings.demoModelPath);
  return withBanner(backend, notes, isDemo);
}

/** Health check, then the model (pulled with progress when allowed), then the backend. */
async function openOllama(settings: BackendSettings, notes: string[]): Promise<LlmBackend> {
  const { ollamaHost: host, ollamaModel: model } = settings;
  const models = new OllamaModels(host);
  let version: string;
  try {
    version = await models.version(settings.ollamaProbeTimeoutMs ?? 1500);
  } catch (error) {
    throw new LlmError('unreachable', `Ollama is not reachable at ${host}. Start it (\`ollama serve\`) or set the backend to auto or embedded.`, { cause: error });
  }
  const onProgress = settings.onPullProgress ?? pullProgressReporter(process.stderr);
  if ((await models.ensure(model, { pull: settings.ollamaPull ?? true, onProgress })) === 'pulled') notes.push(`pulled ${model} into Ollama`);
  notes.push(`Ollama ${version} at ${host}`);
  return createOllamaBackend({
    host,
    model,
    parallel: settings.parallel,
    keepAlive: settings.ollamaKeepAlive,
    numCtx: settings.ollamaNumCtx,
    firstByteTimeoutMs: settings.ollamaTimeoutMs,
  });
}

/** The configured GGUF, else the first one in models/, else the demo model. */
export async function findGguf(settings: Pick<BackendSettings, 'modelPath' | 'modelsDir' | 'demoModelPath'>): Promise<string> {
  if (settings.modelPath) return settings.modelPath;
  const names = await readdir(settings.modelsDir).catch((): string[] => []);
  const first = names.filter((name) => name.toLowerCase().endsWith('.gguf')).sort()[0];
  if (first) return join(settings.modelsDir, first);
  if (existsSync(settings.demoModelPath)) return settings.demoModelPath;
  throw new LlmError('model_missing', `No language model found (looked in ${resolve(settings.modelsDir)} and for ${resolve(settings.demoModelPath)}). ${HOW_TO_GET_A_MODEL}`);
}

function withBanner(backend: LlmBackend, notes: string[], isDemo = false): ChosenBackend {
  const { kind, model, detail, chatTuned } = backend.info;
  const lines = [...notes, `LLM backend: ${kind}, model ${model} (${detail})`];
  if (!chatTuned) {
    const what = isDemo ? 'the demo test model' : 'a model without a chat template';
    lines.push(`WARNING: ${model} is ${what} and is NOT chat-tuned: it continues text instead of answering. ${HOW_TO_GET_A_MODEL}`);
  }
  return { backend, banner: lines.join('\n') };
}
