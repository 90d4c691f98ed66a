import { parseArgs } from 'node:util';
import { withOllamaAndDb } from './lib/ollama-script';
import { prunePolicyModels } from '../server/portfolio/ollama-policy-models';

const USAGE = `Usage: npm run ollama:prune -- [--keep <version,...>] [--db path]

Deletes from Ollama the policy models (palm-v<version>-<policy>) that PALM created for portfolio
versions that are no longer active. --keep spares listed versions too (e.g. a rollback target).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { keep: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (values.help) return void console.log(USAGE);
  const keep = (values.keep ?? '').split(',').filter((v) => v.trim() !== '').map(Number);
  if (keep.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`--keep must list version numbers, got ${values.keep}`);
  await withOllamaAndDb(values.db, async (db, models) => {
    const removed = await prunePolicyModels(db, models, keep);
    console.log(removed.length === 0 ? 'No stale policy models.' : `Removed ${removed.length} policy model(s):\n  ${removed.join('\n  ')}`);
  });
}

main().catch((error: unknown) => {
  console.error(`ollama:prune failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
