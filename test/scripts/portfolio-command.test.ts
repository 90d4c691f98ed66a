import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { basePolicy } from '../../server/portfolio/base-policy';
import { loadActivePortfolio, savePortfolioVersion } from '../../server/portfolio/portfolio.store';
import type { PortfolioParams } from '../../shared/schemas/portfolio.schema';
import { tempDatabase } from '../helpers/temp-db';
import { runScript, type ScriptResult } from '../helpers/run-script';

const params: PortfolioParams = { mu: 0.4, alpha: 0.2, epsilon: 0.02, delta: 0.01, backend: 'embedded', model: 'm.gguf', trainPrompts: 2, evalPrompts: 1, samplesPerPrompt: 1 };

function portfolio(...args: string[]): Promise<ScriptResult> {
  return runScript('scripts/portfolio.ts', args);
}

function twoVersions(path: string): void {
  const db = openDatabase(path);
  for (const name of ['first', 'second']) {
    const policy = { ...basePolicy('m.gguf'), id: `p_${name}`, name };
    savePortfolioVersion(db, { params, certificate: null, activate: true, candidates: [{ policy, rewards: [1, 0, 0], stderr: [0, 0, 0], samples: 2, selected: true, coveredGridPoints: 3 }] });
  }
  db.$client.close();
}

let cleanup = () => {};
afterEach(() => cleanup());

describe('npm run portfolio (list, roll back)', () => {
  it('lists versions with the active one marked, and rolls back to an older version', async () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    t.db.$client.close();
    twoVersions(t.path);
    const listed = await portfolio('list', '--db', t.path);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/\* v2\s+active/);
    expect(listed.stdout).toMatch(/ {2}v1\s+retired/);
    const rolled = await portfolio('activate', '1', '--db', t.path);
    expect(rolled.code).toBe(0);
    const db = openDatabase(t.path);
    expect(loadActivePortfolio(db)?.version).toBe(1);
    db.$client.close();
  }, 60_000);

  it('refuses an unknown version, a bad command and a missing database, changing nothing', async () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    t.db.$client.close();
    twoVersions(t.path);
    const unknown = await portfolio('activate', '9', '--db', t.path);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/version 9 does not exist/);
    const bad = await portfolio('activate', 'latest', '--db', t.path);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/whole number/);
    const db = openDatabase(t.path);
    expect(loadActivePortfolio(db)?.version).toBe(2);
    db.$client.close();
    const missing = join(t.path, '..', 'absent.db');
    const none = await portfolio('list', '--db', missing);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no database at .*absent\.db/);
    expect(existsSync(missing)).toBe(false);
  }, 60_000);
});
