import { performance } from 'node:perf_hooks';
import { createEmbeddedBackend } from '../../server/llm/embedded.backend';
import type { LlmBackend } from '../../server/llm/llm.types';

export interface StreamFigures {
  firstChunkMs: number;
  chunks: number;
  chars: number;
  totalMs: number;
}

export interface LlmBenchResult {
  loadMs: number;
  single: { medianFirstChunkMs: number; chunksPerSecond: number; runs: number };
  parallel: { requests: number; sequences: number; aggregateChunksPerSecond: number; wallMs: number };
  rssMiB: number;
}

const PROMPT = 'Tell me a story about a brave little cat.';

/** Times one streamed answer: latency to the first piece and pieces per second after it. */
export async function timeStream(llm: LlmBackend, seed: number, maxTokens: number): Promise<StreamFigures> {
  const start = performance.now();
  let first = 0;
  let chunks = 0;
  let chars = 0;
  const stream = llm.generate({
    system: '',
    messages: [{ role: 'user', content: PROMPT }],
    decoding: { temperature: 0.8, topP: 0.9, maxTokens },
    seed,
  });
  for await (const piece of stream) {
    if (chunks === 0) first = performance.now() - start;
    chunks++;
    chars += piece.length;
  }
  return { firstChunkMs: first, chunks, chars, totalMs: performance.now() - start };
}

/** Load time, single-stream latency and throughput, and aggregate throughput with shared sequences. */
export async function runLlmBench(options: { modelPath: string; threads: number; sequences: number; runs: number; maxTokens: number }): Promise<LlmBenchResult> {
  const t0 = performance.now();
  const llm = await createEmbeddedBackend({ modelPath: options.modelPath, threads: options.threads, parallel: options.sequences, contextSize: 512 });
  const loadMs = performance.now() - t0;
  try {
    await timeStream(llm, 0, 8); // warm-up: first use allocates buffers
    const singles: StreamFigures[] = [];
    for (let i = 0; i < options.runs; i++) singles.push(await timeStream(llm, i + 1, options.maxTokens));
    const requests = options.sequences * 2;
    const p0 = performance.now();
    const parallel = await Promise.all(Array.from({ length: requests }, (_, i) => timeStream(llm, 100 + i, options.maxTokens)));
    const wallMs = performance.now() - p0;
    return {
      loadMs,
      single: {
        medianFirstChunkMs: median(singles.map((s) => s.firstChunkMs)),
        chunksPerSecond: sum(singles.map((s) => s.chunks)) / (sum(singles.map((s) => s.totalMs)) / 1000),
        runs: options.runs,
      },
      parallel: { requests, sequences: options.sequences, aggregateChunksPerSecond: sum(parallel.map((s) => s.chunks)) / (wallMs / 1000), wallMs },
      rssMiB: process.memoryUsage().rss / 2 ** 20,
    };
  } finally {
    await llm.close();
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
