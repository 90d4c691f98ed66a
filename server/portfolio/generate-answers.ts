import type { Db } from '../db/client';
import type { LlmBackend } from '../llm/llm.types';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import type { Prompt } from '../../shared/schemas/prompt-set.schema';
import { generationKey, loadCachedGenerations, saveGeneration, type GenerationKeyParts } from './generation-cache';

/** One answer of one policy to one prompt for one sample seed. */
export interface Sample {
  policyId: string;
  promptId: string;
  prompt: string;
  seed: number;
  response: string;
}

export interface GenerationTick {
  fresh: number;
  cached: number;
}

export interface GenerateAnswersInput {
  db: Db;
  llm: LlmBackend;
  modelKey: string;
  policies: readonly PolicySpec[];
  prompts: readonly Prompt[];
  seeds: readonly number[];
  /** Concurrent generations; match the backend's parallelism so no request waits in its queue. */
  concurrency: number;
  signal?: AbortSignal;
  /** Called once with the cached count, then after every new answer is stored. */
  onTick?: (tick: GenerationTick) => void;
}

interface Task {
  policy: PolicySpec;
  prompt: Prompt;
  parts: GenerationKeyParts;
  key: string;
}

/** Every (policy, prompt, seed) answer: from the cache when present, else generated and stored first. */
export async function generateAnswers(input: GenerateAnswersInput): Promise<{ samples: Sample[]; fresh: number; cached: number }> {
  // Prompt-major order mixes short and long system prompts all along, so the rate (and ETA) is steady.
  const tasks = input.prompts.flatMap((prompt) =>
    input.policies.flatMap((policy) =>
      input.seeds.map((seed): Task => {
        const parts = { modelKey: input.modelKey, policyId: policy.id, promptId: prompt.id, promptText: prompt.text, seed };
        return { policy, prompt, parts, key: generationKey(parts) };
      }),
    ),
  );
  const responses = loadCachedGenerations(input.db, tasks.map((t) => t.key));
  const missing = tasks.filter((t) => !responses.has(t.key));
  const cached = tasks.length - missing.length;
  let fresh = 0;
  input.onTick?.({ fresh, cached });
  await runPool(missing, Math.max(1, input.concurrency), async (task) => {
    const response = await generateOne(input, task);
    saveGeneration(input.db, task.key, task.parts, response);
    responses.set(task.key, response);
    fresh++;
    input.onTick?.({ fresh, cached });
  });
  const samples = tasks.map((t) => ({ policyId: t.policy.id, promptId: t.prompt.id, prompt: t.prompt.text, seed: t.parts.seed, response: responses.get(t.key) ?? '' }));
  return { samples, fresh, cached };
}

async function generateOne(input: GenerateAnswersInput, task: Task): Promise<string> {
  let text = '';
  const stream = input.llm.generate({
    system: task.policy.system,
    messages: [{ role: 'user', content: task.prompt.text }],
    decoding: task.policy.decoding,
    seed: task.parts.seed,
    signal: input.signal,
    // An imported policy answers with its own Ollama model (its id includes it, so caching stays sound).
    model: task.policy.ollamaModel,
  });
  for await (const piece of stream) text += piece;
  // A stopped generation is partial: it must never enter the cache as if it were complete.
  input.signal?.throwIfAborted();
  return text.trim();
}

/** Runs `work` over items with at most `limit` in flight; the first failure rejects after in-flight work settles. */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const item = items[next++];
      if (item === undefined) return;
      try {
        await work(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
