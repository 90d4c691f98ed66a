/**
 * One scaling measurement in its own process, so that peak memory (maxRSS) belongs to this
 * case alone. Usage: tsx palm-bench-scaling-case.ts <d> <candidates> <points>; prints JSON.
 */
import { certify } from '../../shared/palm/certify';
import { greedyCoverSets } from '../../shared/palm/greedy-cover';
import { instanceCoverSets, selectionInstance } from '../../shared/palm/instance';
import { landscape } from '../../shared/palm/landscapes';
import { sampleSimplex } from '../../shared/palm/prng';
import { timed } from './palm-bench-table';

function main(): void {
  const [d, n, m] = process.argv.slice(2).map(Number);
  if (!d || !n || !m) throw new Error('usage: palm-bench-scaling-case.ts <d> <candidates> <points>');
  const { candidates } = landscape({ d, shape: 'convex', count: n, seed: 3 });
  const points = sampleSimplex(d, m, 4);
  const baseRss = process.resourceUsage().maxRSS;
  const select = timed(() => {
    const inst = selectionInstance(candidates, points);
    return greedyCoverSets(instanceCoverSets(inst, 0.02, 0.02)).selected.map((i) => inst.front[i] ?? i);
  });
  const cert = timed(() => certify(select.value.map((i) => candidates[i] ?? []), candidates));
  const peak = process.resourceUsage().maxRSS;
  process.stdout.write(
    JSON.stringify({
      d,
      n,
      m,
      k: select.value.length,
      selectWall: select.wallMs,
      selectCpu: select.cpuMs,
      certifyWall: cert.wallMs,
      certifyCpu: cert.cpuMs,
      latticePoints: cert.value.pointsChecked,
      peakRssMb: peak / 1024,
      addedRssMb: (peak - baseRss) / 1024,
    }),
  );
}

try {
  main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
}
