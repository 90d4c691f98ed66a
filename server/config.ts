import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/** Empty strings in the environment mean "not set", as in most .env tooling. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const intIn = (min: number, max: number) => {
  const range = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: range }).int(range).min(min, range).max(max, range);
};

const envSchema = z.object({
  PORT: optional(intIn(0, 65535)),
  HOST: optional(z.string()),
  DATABASE_PATH: optional(z.string()),
  LLM_BACKEND: optional(z.enum(['auto', 'ollama', 'embedded'], 'must be auto, ollama or embedded')),
  OLLAMA_HOST: optional(z.string().url('must be a URL such as http://127.0.0.1:11434')),
  OLLAMA_MODEL: optional(z.string()),
  OLLAMA_KEEP_ALIVE: optional(z.string().regex(/^-?\d+(\.\d+)?(ms|s|m|h)?$/, 'must be a duration such as 30m, 1h or -1')),
  OLLAMA_NUM_CTX: optional(intIn(256, 1_048_576)),
  OLLAMA_PULL: optional(z.enum(['true', 'false'], 'must be true or false')),
  OLLAMA_TIMEOUT_MS: optional(intIn(1000, 3_600_000)),
  PALM_JUDGE_SAFETY_MODEL: optional(z.string()),
  PALM_JUDGE_HUMOR_MODEL: optional(z.string()),
  MODEL_PATH: optional(z.string()),
  LLM_THREADS: optional(intIn(1, 256)),
  LLM_PARALLEL: optional(intIn(1, 64)),
  LLM_CONTEXT_SIZE: optional(intIn(128, 131072)),
  PALM_DEMO_MODEL: optional(z.string()),
  SESSION_TTL_DAYS: optional(intIn(1, 365)),
  COOKIE_SECURE: optional(z.enum(['true', 'false'], 'must be true or false')),
  TRUST_PROXY_HOPS: optional(intIn(0, 10)),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  llm: {
    backend: 'auto' | 'ollama' | 'embedded';
    ollamaHost: string;
    ollamaModel: string;
    ollamaKeepAlive: string;
    ollamaNumCtx: number;
    ollamaPull: boolean;
    ollamaTimeoutMs: number;
    modelPath: string | undefined;
    modelsDir: string;
    demoModelPath: string;
    threads: number;
    parallel: number;
    contextSize: number;
  };
  /** Ollama models the LLM-judge rewards use (build-portfolio --judges ollama). */
  judges: { safetyModel: string; humorModel: string };
  /** Session lifetime, and whether the session cookie is marked Secure (https only). */
  auth: { sessionTtlMs: number; cookieSecure: boolean };
  /** Reverse proxies whose X-Forwarded-For names the client, for per-address limits. */
  trustedProxyHops: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment once, at start-up, and fails fast naming every bad variable.
 * Only composition roots (server/index.ts, scripts' main()) call this.
 */
/**
 * The variables a composition root configures from: the repository's `.env` file when present
 * (as `.env.example` promises), overridden by the real environment so a shell export always wins.
 */
export function readEnvironment(repoRoot: string, env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const file = resolve(repoRoot, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: Record<string, string | undefined>, repoRoot: string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`);
    throw new ConfigError(`invalid environment:\n${lines.join('\n')}\nSee .env.example for every variable and its default.`);
  }
  const e = parsed.data;
  return {
    port: e.PORT ?? 3000,
    host: e.HOST ?? '127.0.0.1',
    databasePath: resolve(repoRoot, e.DATABASE_PATH ?? 'data/palm-chat.db'),
    llm: {
      backend: e.LLM_BACKEND ?? 'auto',
      ollamaHost: e.OLLAMA_HOST ?? 'http://127.0.0.1:11434',
      ollamaModel: e.OLLAMA_MODEL ?? 'llama3.2:1b',
      ollamaKeepAlive: e.OLLAMA_KEEP_ALIVE ?? '30m',
      ollamaNumCtx: e.OLLAMA_NUM_CTX ?? 4096,
      ollamaPull: e.OLLAMA_PULL !== 'false',
      ollamaTimeoutMs: e.OLLAMA_TIMEOUT_MS ?? 120_000,
      modelPath: e.MODEL_PATH === undefined ? undefined : resolve(repoRoot, e.MODEL_PATH),
      modelsDir: resolve(repoRoot, 'models'),
      demoModelPath: resolve(repoRoot, e.PALM_DEMO_MODEL ?? '../shared/models/stories260K.gguf'),
      threads: e.LLM_THREADS ?? 1,
      parallel: e.LLM_PARALLEL ?? 2,
      contextSize: e.LLM_CONTEXT_SIZE ?? 2048,
    },
    auth: { sessionTtlMs: (e.SESSION_TTL_DAYS ?? 30) * 24 * 3600_000, cookieSecure: e.COOKIE_SECURE === 'true' },
    trustedProxyHops: e.TRUST_PROXY_HOPS ?? 0,
    judges: { safetyModel: e.PALM_JUDGE_SAFETY_MODEL ?? 'llama-guard3:1b', humorModel: e.PALM_JUDGE_HUMOR_MODEL ?? e.OLLAMA_MODEL ?? 'llama3.2:1b' },
  };
}
