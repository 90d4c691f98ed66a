import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, readEnvironment } from '../../server/config';
import { openDatabase, type Db } from '../../server/db/client';
import { OllamaModels } from '../../server/llm/ollama/ollama-models';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The composition shared by the Ollama model scripts: config, a reachable Ollama (checked first,
 * so a down server fails before the database is touched), and the database, closed afterwards.
 */
export async function withOllamaAndDb<T>(dbFlag: string | undefined, run: (db: Db, models: OllamaModels) => Promise<T>): Promise<T> {
  const config = loadConfig(readEnvironment(REPO_ROOT), REPO_ROOT);
  const models = new OllamaModels(config.llm.ollamaHost.replace(/\/+$/, ''));
  await models.version();
  const db = openDatabase(dbFlag === undefined ? config.databasePath : resolve(dbFlag));
  try {
    return await run(db, models);
  } finally {
    db.$client.close();
  }
}
