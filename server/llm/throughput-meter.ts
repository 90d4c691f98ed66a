import type { GenerationStats, LlmBackend } from './llm.types';

export interface Throughput {
  generations: number;
  evalTokens: number;
  promptTokens: number;
  /** Server-side time spent generating answer tokens (Ollama's eval_duration), summed. */
  evalMs: number;
  loadMs: number;
  /** Tokens per second of generation, from the server's own timings (undefined before any). */
  tokensPerSecond: number | undefined;
}

/**
 * Wraps a backend so that every completed generation's server-side stats are summed. Requests
 * run in parallel, so summed eval time over summed tokens is the per-stream GPU rate; wall-clock
 * throughput across streams is higher and is what the build's progress bar shows.
 */
export function meterThroughput(llm: LlmBackend): { backend: LlmBackend; throughput: () => Throughput } {
  const total = { generations: 0, evalTokens: 0, promptTokens: 0, evalMs: 0, loadMs: 0 };
  const add = (s: GenerationStats): void => {
    total.generations++;
    total.evalTokens += s.evalTokens;
    total.promptTokens += s.promptTokens;
    total.evalMs += s.evalDurationMs;
    total.loadMs += s.loadDurationMs;
  };
  const backend: LlmBackend = {
    info: llm.info,
    generate: (request) =>
      llm.generate({
        ...request,
        onStats: (stats) => {
          add(stats);
          request.onStats?.(stats);
        },
      }),
    close: () => llm.close(),
  };
  return { backend, throughput: () => ({ ...total, tokensPerSecond: total.evalMs > 0 ? (1000 * total.evalTokens) / total.evalMs : undefined }) };
}

export function formatThroughput(t: Throughput, kind: string): string {
  if (t.tokensPerSecond !== undefined) return throughputLine(t, t.tokensPerSecond);
  return kind === 'ollama' ? 'Throughput: no new generations to measure.' : `Throughput: the ${kind} backend does not report server timings.`;
}

function throughputLine(t: Throughput, tokensPerSecond: number): string {
  return `Throughput (server timings): ${tokensPerSecond.toFixed(1)} tokens/s per stream over ${t.generations} generation(s), ${t.evalTokens} answer tokens, ${t.promptTokens} prompt tokens, ${(t.loadMs / 1000).toFixed(1)} s model loading.`;
}
