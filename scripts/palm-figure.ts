/**
 * Writes docs/palm-front.svg: a 2-D synthetic front, the certified (0.02, 0.02) PALM portfolio
 * and the region of the simplex each policy serves.   npx tsx scripts/palm-figure.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { landscape } from '../shared/palm/landscapes';
import { certifiedCover } from '../shared/palm/select';
import { frontFigure } from './lib/palm-figure-svg';

async function main(): Promise<void> {
  const { candidates } = landscape({ d: 2, shape: 'noisy', count: 200, seed: 4 });
  const r = certifiedCover(candidates, 0.02, 0.02, { method: 'exact' });
  const members = r.selected.map((i) => candidates[i] ?? []);
  const c = r.certificate;
  const svg = frontFigure({
    candidates,
    members,
    title: `PALM portfolio: ${members.length} of ${candidates.length} candidates (d = 2, noisy front)`,
    subtitle: `certified over the whole simplex: ε = ${c.epsilon.toFixed(4)}, δ = ${c.delta.toFixed(4)}; (0.02, δ) holds with δ = ${(c.paired?.delta ?? 0).toFixed(4)}`,
  });
  const out = fileURLToPath(new URL('../docs/palm-front.svg', import.meta.url));
  writeFileSync(out, svg);
  console.log(`wrote ${out}: ${members.length} policies, ε = ${c.epsilon.toFixed(4)}, δ = ${c.delta.toFixed(4)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
