import { Ollama } from 'ollama';
import { z } from 'zod';
import { LlmError } from '../llm.types';
import { postNdjson } from './ndjson-request';
import { trimHost } from './ollama-connection';
import { modelMissing, toLlmError, unreachable } from './ollama-errors';

/** One line of `/api/pull` progress: a status, and byte counts while a layer downloads. */
export interface PullProgress {
  status: string;
  digest?: string;
  completed?: number;
  total?: number;
}

const pullLineSchema = z.union([
  z.object({ error: z.string() }),
  z.object({ status: z.string(), digest: z.string().optional(), completed: z.number().optional(), total: z.number().optional() }),
]);

/** Model management on one Ollama server: the official client for plain calls, our NDJSON reader for pull. */
export class OllamaModels {
  readonly host: string;
  private readonly client: Ollama;

  constructor(host: string) {
    this.host = trimHost(host);
    this.client = new Ollama({ host: this.host });
  }

  /** Start-up health check: the server version, or an `unreachable` error naming the host. */
  async version(timeoutMs = 5000): Promise<string> {
    try {
      const response = await fetch(`${this.host}/api/version`, { signal: AbortSignal.timeout(timeoutMs) });
      const body: unknown = await response.json();
      const parsed = z.object({ version: z.string() }).safeParse(body);
      if (!response.ok || !parsed.success) throw new LlmError('upstream', `${this.host} answered /api/version with HTTP ${response.status}; is it an Ollama server?`);
      return parsed.data.version;
    } catch (error) {
      if (error instanceof LlmError) throw error;
      throw unreachable({ host: this.host, model: '' }, error);
    }
  }

  async list(): Promise<string[]> {
    const { models } = await this.call('', () => this.client.list());
    return models.map((m) => m.name);
  }

  async has(model: string): Promise<boolean> {
    return (await this.list()).some((name) => withTag(name) === withTag(model));
  }

  /** `show`: the model's parameters and system prompt, or undefined when it does not exist. */
  async show(model: string): Promise<{ parameters: string; system: string; parentModel: string } | undefined> {
    try {
      const info = await this.client.show({ model });
      return { parameters: info.parameters ?? '', system: info.system ?? '', parentModel: info.details?.parent_model ?? '' };
    } catch (error) {
      const mapped = toLlmError(error, { host: this.host, model });
      if (mapped.code === 'model_missing') return undefined;
      throw mapped;
    }
  }

  /** Creates (or replaces) `model` from a base model, a system prompt and parameters; an adapter makes a LoRA fine-tune. */
  async create(request: { model: string; from: string; system?: string; parameters?: Record<string, unknown>; adapters?: Record<string, string> }): Promise<void> {
    await this.call(request.from, () => this.client.create({ ...request, stream: false }));
  }

  /** Deletes a model; a model that is already gone is not an error. */
  async delete(model: string): Promise<boolean> {
    try {
      await this.client.delete({ model });
      return true;
    } catch (error) {
      const mapped = toLlmError(error, { host: this.host, model });
      if (mapped.code === 'model_missing') return false;
      throw mapped;
    }
  }

  /** Pulls a model, reporting every progress line; fails with the server's message (e.g. unknown tag). */
  async pull(model: string, onProgress?: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
    // Large layers verify for minutes without a byte on the wire: generous idle timeout.
    const timeouts = { firstByteMs: 60_000, idleMs: 600_000 };
    let success = false;
    for await (const raw of postNdjson({ ctx: { host: this.host, model }, path: '/api/pull', body: { model, stream: true }, timeouts, signal })) {
      const line = pullLineSchema.safeParse(raw);
      if (!line.success) throw new LlmError('upstream', `Ollama sent an unexpected pull line: ${JSON.stringify(raw).slice(0, 200)}`);
      if ('error' in line.data) throw new LlmError('model_missing', `could not pull ${model}: ${line.data.error}`);
      onProgress?.(line.data);
      if (line.data.status === 'success') success = true;
    }
    signal?.throwIfAborted();
    if (!success) throw new LlmError('upstream', `the pull of ${model} ended without "success"`);
  }

  /** Makes sure `model` is present: pulls it when allowed, else says how to get it. */
  async ensure(model: string, options: { pull: boolean; onProgress?: (progress: PullProgress) => void }): Promise<'present' | 'pulled'> {
    if (await this.has(model)) return 'present';
    if (!options.pull) throw modelMissing(model);
    await this.pull(model, options.onProgress);
    return 'pulled';
  }

  private async call<T>(model: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toLlmError(error, { host: this.host, model });
    }
  }
}

/** Ollama's own rule: a tag without `:` means `:latest`. */
export const withTag = (name: string): string => (name.includes(':') ? name : `${name}:latest`);
