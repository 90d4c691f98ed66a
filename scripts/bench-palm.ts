/**
 * PALM engine benchmark: quality against baselines on synthetic landscapes (and on a measured
 * pool with --pool <json>, or a stored portfolio version's pool with --db <sqlite> [--version N]),
 * portfolio sizes for a certified (0.02, 0.02) guarantee, theory next to measurement, and
 * one-core scaling. Prints markdown for BENCHMARKS.md.
 *   npm run bench:palm [-- --pool pool.json | --db data/palm-chat.db [--version 3]] [-- --skip-scaling]
 */
import { standardLandscapes } from '../shared/palm/landscapes';
import { parseVersion, readDbPool } from './lib/palm-bench-db-pool';
import { readPool } from './lib/palm-bench-pool';
import { qualityRows, type Pool } from './lib/palm-bench-quality';
import { exactCoverCase, routingMicros, scalingCase } from './lib/palm-bench-scaling';
import { sizeRow } from './lib/palm-bench-size';
import { fmt, table } from './lib/palm-bench-table';
import { theoryRow } from './lib/palm-bench-theory';

const KS = [3, 5, 7];

function printPools(title: string, pools: readonly Pool[]): void {
  console.log(`\n### ${title}: PALM vs uniform vs random (gaps over 20,000 uniform users; cert = whole simplex)\n`);
  const rows = pools.flatMap((p) => qualityRows(p, KS));
  console.log(
    table(
      ['pool', 'k', 'method', 'size', 'worst ε', 'mean ε', 'worst δ', 'mean δ', 'cert ε', 'cert δ', 'perplexity'],
      rows.map((r) => [r.pool, r.k, r.method, r.size, r.worstEps, r.meanEps, r.worstDelta, r.meanDelta, r.certEps, r.certDelta, r.perplexity]),
    ),
  );
  console.log(`\n### ${title}: portfolio size for a certified (ε, δ) = (0.02, 0.02) guarantee over the whole simplex\n`);
  const sizes = pools.map((p) => sizeRow(p, 0.02, 0.02));
  const show = (x: number | null, limit = 40): string => (x === null ? `> ${limit}` : String(x));
  console.log(
    table(
      ['pool', 'PALM greedy', 'PALM exact', 'proven minimum ≥', 'uniform', 'random', 'PALM greedy: conservative paired δ'],
      sizes.map((s) => [
        s.pool,
        show(s.palmGreedy),
        `${show(s.palmExact)}${s.exactProven ? ' (optimal)' : ''}`,
        s.lowerBound === null ? '—' : String(s.lowerBound),
        show(s.uniform, s.limit),
        show(s.random, s.limit),
        s.palmConservativeDelta,
      ]),
    ),
  );
  console.log(`\n### ${title}: theory (seed statement) next to measurement, one policy per grid point\n`);
  console.log(
    table(
      ['pool', 'µ', 'α', 'grid points', 'size bound d(2+(2/µ)ln(1/α))^(d−1)', 'policies (distinct)', 'cert ε', 'bound 4µ', 'cert δ', 'bound 2dα'],
      pools.map(theoryRow).map((t) => [t.pool, t.mu, t.alpha, t.gridSize, fmt(t.sizeBound), t.perGridPoint, t.certEps, t.epsBound, t.certDelta, t.deltaBound]),
    ),
  );
}

function printScaling(): void {
  console.log('\n### Scaling on one core: greedy selection at (0.02, 0.02) + certification (convex fronts)\n');
  const cases = [
    [3, 500, 2000],
    [3, 2000, 10_000],
    [3, 5000, 2000],
    [3, 5000, 10_000],
    [3, 5000, 40_000],
    [2, 5000, 10_000],
    [4, 5000, 10_000],
  ] as const;
  const rows = cases.map(([d, n, m]) => scalingCase(d, n, m));
  console.log(
    table(
      ['d', 'candidates', 'weight points', 'k', 'select ms (cpu)', 'certify ms (cpu)', 'total ms (wall)', 'lattice points', 'peak RSS MB', 'added RSS MB'],
      rows.map((r) => [r.d, r.n, r.m, r.k, r.selectCpu.toFixed(0), r.certifyCpu.toFixed(0), (r.selectWall + r.certifyWall).toFixed(0), r.latticePoints, r.peakRssMb.toFixed(0), r.addedRssMb.toFixed(0)]),
    ),
  );
  console.log('\n### Exact minimum cover (d = 3 noisy front, ε = δ = 0.01)\n');
  const exact = [[60, 2000], [200, 2000], [400, 5000]].map(([n, m]) => exactCoverCase(n ?? 0, m ?? 0));
  console.log(table(['candidates', 'points', 'greedy size', 'exact size', 'proven optimal', 'exact ms', 'B&B nodes'], exact.map((e) => [e.n, e.m, e.greedy, e.exact, String(e.optimal), e.ms.toFixed(0), e.nodes])));
  console.log('\n### Routing (d = 3, convex pool): µs per route() decision\n');
  const routes = [[7, 500], [7, 5000], [3, 2000]].map(([k, n]) => [k ?? 0, n ?? 0, routingMicros(k ?? 0, n ?? 0).toFixed(2)]);
  console.log(table(['members', 'candidates', 'µs / decision'], routes));
}

/** The pool named by --pool <json> or --db <sqlite> [--version N]; null for the synthetic landscapes. */
function measuredPool(args: readonly string[]): Pool | null {
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    if (at < 0) return undefined;
    const v = args[at + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const pool = value('--pool');
  const db = value('--db');
  const version = parseVersion(value('--version'));
  if (pool !== undefined && db !== undefined) throw new Error('--pool and --db name two pools: pass one');
  if (version !== undefined && db === undefined) throw new Error('--version needs --db');
  if (pool !== undefined) return readPool(pool);
  return db === undefined ? null : readDbPool(db, version);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const started = performance.now();
  const measured = measuredPool(args);
  console.log(`## PALM engine bench (${new Date().toISOString()}, node ${process.version})`);
  if (measured) printPools('(b) measured pool', [measured]);
  else printPools('(a) synthetic landscapes', standardLandscapes());
  if (!args.includes('--skip-scaling')) printScaling();
  console.log(`\n_bench time ${((performance.now() - started) / 1000).toFixed(1)} s_`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
