import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/password.hash';
import { openDatabase } from '../../server/db/client';
import { users } from '../../server/db/schema';
import { parseCreateAdminFlags } from '../../scripts/lib/create-admin-args';
import { REPO_ROOT } from '../helpers/test-model';

const dir = mkdtempSync(join(tmpdir(), 'palm-create-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dbPath = join(dir, 'admin.db');

/** Runs the real script as `npm run create-admin` would, with `input` piped to its stdin. */
function createAdmin(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'scripts/create-admin.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_PATH: dbPath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const rows = () => {
  const db = openDatabase(dbPath);
  try {
    return db.select().from(users).all();
  } finally {
    db.$client.close();
  }
};

describe('npm run create-admin', () => {
  it('parses its flags', () => {
    expect(parseCreateAdminFlags(['--username', 'root', '--password-stdin'])).toEqual({ username: 'root', passwordStdin: true, help: false });
    expect(parseCreateAdminFlags(['--username=root'])).toMatchObject({ username: 'root' });
    expect(() => parseCreateAdminFlags(['--frobnicate'])).toThrow('unknown argument: --frobnicate');
  });

  it('creates an admin from a piped password, refuses a short one, and re-running resets the password', async () => {
    const short = await createAdmin(['--username', 'root', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password needs at least 10 characters');

    const made = await createAdmin(['--username', 'Root', '--password-stdin'], 'a long admin password\n');
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('Created admin account "root"');
    expect(rows()).toMatchObject([{ username: 'root', role: 'admin', disabled: false }]);

    const again = await createAdmin(['--username', 'root', '--password-stdin'], 'another long password');
    expect(again.stdout).toContain('Updated admin account "root"');
    const [row] = rows();
    expect(await verifyPassword('another long password', row?.passwordHash ?? '')).toBe(true);
  });
});
