import { fileURLToPath } from 'node:url';
import { CREATE_ADMIN_USAGE, parseCreateAdminFlags } from './lib/create-admin-args';
import { ask, askHidden, readAll } from './lib/prompt';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `npm run create-admin`: an admin account without the web page (first run, or recovery). */
async function main(): Promise<void> {
  const flags = parseCreateAdminFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(CREATE_ADMIN_USAGE);
    return;
  }
  const username = flags.username ?? (await ask('Admin username: '));
  const password = flags.passwordStdin ? await readAll() : await askHidden('Password (at least 10 characters): ');
  const { loadConfig, readEnvironment } = await import('../server/config');
  const { openDatabase } = await import('../server/db/client');
  const { createAdmin } = await import('../server/auth/create-admin');
  const config = loadConfig(readEnvironment(REPO_ROOT), REPO_ROOT);
  const db = openDatabase(config.databasePath);
  try {
    const { user, created } = await createAdmin(db, { username, password });
    console.log(`${created ? 'Created' : 'Updated'} admin account "${user.username}" in ${config.databasePath}`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
