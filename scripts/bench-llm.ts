import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLlmBench } from './lib/llm-bench';

/** npm run bench:llm [-- --model <gguf> --threads 1 --sequences 2 --runs 10 --max-tokens 256] */
async function main(): Promise<void> {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const { values } = parseArgs({
    options: {
      model: { type: 'string', default: process.env.PALM_TEST_MODEL ?? resolve(repoRoot, '../shared/models/stories260K.gguf') },
      threads: { type: 'string', default: '1' },
      sequences: { type: 'string', default: '2' },
      runs: { type: 'string', default: '10' },
      'max-tokens': { type: 'string', default: '256' },
    },
  });
  const opts = {
    modelPath: values.model,
    threads: positive(values.threads, 'threads'),
    sequences: positive(values.sequences, 'sequences'),
    runs: positive(values.runs, 'runs'),
    maxTokens: positive(values['max-tokens'], 'max-tokens'),
  };
  const r = await runLlmBench(opts);
  console.log(`embedded backend on ${opts.modelPath} (threads ${opts.threads}, max tokens ${opts.maxTokens})`);
  console.log(`load (runtime + model):         ${r.loadMs.toFixed(0)} ms`);
  console.log(`first chunk, median of ${r.single.runs}:     ${r.single.medianFirstChunkMs.toFixed(1)} ms`);
  console.log(`single stream:                  ${r.single.chunksPerSecond.toFixed(0)} chunks/s (≈ tokens/s)`);
  console.log(`${`${r.parallel.requests} requests on ${r.parallel.sequences} sequences:`.padEnd(32)}${r.parallel.aggregateChunksPerSecond.toFixed(0)} chunks/s aggregate, ${r.parallel.wallMs.toFixed(0)} ms wall`);
  console.log(`process RSS:                    ${r.rssMiB.toFixed(0)} MiB`);
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1, got ${JSON.stringify(value)}`);
  return n;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
