import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { openDatabase, type Db } from './db/client';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';
import { chooseBackend } from './llm/choose-backend';
import { LlmError, type LlmBackend } from './llm/llm.types';
import { loadActivePortfolio } from './portfolio/portfolio.store';

/** The composition root: the only place that reads the environment, opens the database and listens. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_DIR = fileURLToPath(new URL('../client/dist', import.meta.url));

async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  console.log(`Database: ${config.databasePath}`);
  const llm = await openBackend(config, db);
  console.log(portfolioBanner(db));
  const app = createApp({ db, llm, clientDir: CLIENT_DIR, auth: config.auth, trustedProxyHops: config.trustedProxyHops });
  const address = await app.listen(config.port, config.host);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  console.log(`PALM Chat is listening on http://${shownHost}:${address.port}`);
  if (!existsSync(CLIENT_DIR)) console.warn('The web client is not built: run `npm run build:client` (npm start does it for you).');
  onShutdown(async () => {
    // Running answers are saved as `stopped` before the database closes.
    await app.close();
    await llm.close();
    db.$client.close();
  });
}

function readConfig(): Config {
  try {
    return loadConfig(readEnvironment(REPO_ROOT), REPO_ROOT);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function openBackend(config: Config, db: Db): Promise<LlmBackend> {
  try {
    const chosen = await chooseBackend(config.llm);
    console.log(chosen.banner);
    return chosen.backend;
  } catch (error) {
    if (!(error instanceof LlmError)) throw error;
    console.error(`Cannot start: ${error.message}`);
    db.$client.close();
    process.exit(1);
  }
}

/** Which portfolio routes answers, so an operator sees at start whether personalization is on. */
function portfolioBanner(db: Db): string {
  const active = loadActivePortfolio(db);
  if (!active) return 'Portfolio: none active, answers use the base policy (build one with `npm run build-portfolio`).';
  const members = active.candidates.filter((c) => c.selected).length;
  const cert = active.certificate;
  const gaps = cert ? `, certified on eval: ε ${cert.epsilon.toFixed(3)}, δ ${cert.delta.toFixed(3)}` : '';
  return `Portfolio: version ${active.version}, ${members} of ${active.candidates.length} candidate policies${gaps}.`;
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) {
      console.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    closing = true;
    console.log(`${signal}: stopping running answers and closing…`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while closing:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
