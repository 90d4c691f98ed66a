import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';
import { openDatabase, type Db } from './db/client';
import { ConfigError, loadConfig, readEnvironment, type Config } from './config';
import { chooseBackend } from './llm/choose-backend';
import { LlmError, type LlmBackend } from './llm/llm.types';

/** The composition root: the only place that reads the environment, opens the database and listens. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_DIR = fileURLToPath(new URL('../client/dist', import.meta.url));

async function main(): Promise<void> {
  const config = readConfig();
  const db = openDatabase(config.databasePath);
  console.log(`Database: ${config.databasePath}`);
  const llm = await openBackend(config, db);
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
