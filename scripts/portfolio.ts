import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../server/config';
import { parsePortfolioCommand, runPortfolioCommand } from './lib/portfolio-command';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `npm run portfolio -- list | activate <version>`: inspect versions, roll back or forward. */
function main(): void {
  const { values, positionals } = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true });
  const command = parsePortfolioCommand(positionals);
  const path = values.db ?? loadConfig(readEnvironment(REPO_ROOT), REPO_ROOT).databasePath;
  for (const line of runPortfolioCommand(command, path)) console.log(line);
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
