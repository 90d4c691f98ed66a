import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { exactCover } from '../../shared/palm/select';
import { greedyCover } from '../../shared/palm/greedy-cover';
import { landscape } from '../../shared/palm/landscapes';
import { sampleSimplex } from '../../shared/palm/prng';
import { route } from '../../shared/palm/routing';
import { timed } from './palm-bench-table';

const caseSchema = z.object({
  d: z.number(),
  n: z.number(),
  m: z.number(),
  k: z.number(),
  selectWall: z.number(),
  selectCpu: z.number(),
  certifyWall: z.number(),
  certifyCpu: z.number(),
  latticePoints: z.number(),
  peakRssMb: z.number(),
  addedRssMb: z.number(),
});
export type ScalingCase = z.infer<typeof caseSchema>;

/** Runs one case in a child process (one core: the child is single-threaded). */
export function scalingCase(d: number, n: number, m: number): ScalingCase {
  const script = fileURLToPath(new URL('./palm-bench-scaling-case.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, String(d), String(n), String(m)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scaling case d=${d} n=${n} m=${m} failed: ${r.stderr}`);
  return caseSchema.parse(JSON.parse(r.stdout));
}

/** Exact and greedy cover times on a 3-objective front (greedy size, exact size, ms). */
export function exactCoverCase(n: number, m: number): { n: number; m: number; greedy: number; exact: number; optimal: boolean; ms: number; nodes: number } {
  const { candidates } = landscape({ d: 3, shape: 'noisy', count: n, seed: 9 });
  const points = sampleSimplex(3, m, 10);
  const greedy = greedyCover(candidates, points, 0.01, 0.01).selected.length;
  const run = timed(() => exactCover(candidates, points, 0.01, 0.01));
  return { n, m, greedy, exact: run.value.selected.length, optimal: run.value.optimal, ms: run.wallMs, nodes: run.value.nodes };
}

/** Mean microseconds per route() decision (k members, n candidates, d = 3), after warm-up. */
export function routingMicros(k: number, n: number): number {
  const { candidates } = landscape({ d: 3, shape: 'convex', count: n, seed: 11 });
  const members = candidates.slice(0, k);
  const users = sampleSimplex(3, 100_000, 12);
  for (const w of users.slice(0, 5000)) route(w, members, candidates);
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    for (const w of users) route(w, members, candidates);
    best = Math.min(best, ((performance.now() - t) * 1000) / users.length);
  }
  return best;
}
