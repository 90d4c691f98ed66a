import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { loadConfig, readEnvironment } from '../server/config';
import { openDatabase } from '../server/db/client';
import { OllamaModels } from '../server/llm/ollama/ollama-models';
import { prunePolicyModels } from '../server/portfolio/ollama-policy-models';

const USAGE = `Usage: npm run ollama:prune -- [--keep <version,...>] [--db path]

Deletes from Ollama the policy models (palm-v<version>-<policy>) that PALM created for portfolio
versions that are no longer active. --keep spares listed versions too (e.g. a rollback target).`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { keep: { type: 'string' }, db: { type: 'string' }, help: { type: 'boolean' } }, strict: true });
  if (values.help) return void console.log(USAGE);
  const keep = (values.keep ?? '').split(',').filter((v) => v.trim() !== '').map(Number);
  if (keep.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`--keep must list version numbers, got ${values.keep}`);
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const config = loadConfig(readEnvironment(repoRoot), repoRoot);
  const models = new OllamaModels(config.llm.ollamaHost.replace(/\/+$/, ''));
  await models.version();
  const db = openDatabase(values.db === undefined ? config.databasePath : resolve(values.db));
  try {
    const removed = await prunePolicyModels(db, models, keep);
    console.log(removed.length === 0 ? 'No stale policy models.' : `Removed ${removed.length} policy model(s):\n  ${removed.join('\n  ')}`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`ollama:prune failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
