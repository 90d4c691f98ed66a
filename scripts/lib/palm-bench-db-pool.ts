import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { openDatabase } from '../../server/db/client';
import { loadActivePortfolio, loadPortfolio, type LoadedPortfolio } from '../../server/portfolio/portfolio.store';
import type { Pool } from './palm-bench-quality';

/**
 * The measured candidate pool of a stored portfolio version (eval-prompt rewards and standard
 * errors of every compared candidate): the active version unless one is named. A missing file
 * is an error rather than a fresh empty database.
 */
export function readDbPool(path: string, version?: number): Pool {
  const file = resolve(path);
  if (!existsSync(file)) throw new Error(`--db: no database at ${file}`);
  const db = openDatabase(file);
  try {
    const portfolio = version === undefined ? loadActivePortfolio(db) : loadPortfolio(db, version);
    if (!portfolio) throw new Error(version === undefined ? `--db: ${file} has no active portfolio (pass --version N)` : `--db: ${file} has no portfolio version ${version}`);
    return toPool(portfolio, basename(file));
  } finally {
    db.$client.close();
  }
}

function toPool(portfolio: LoadedPortfolio, file: string): Pool {
  const candidates = portfolio.candidates.map((c) => c.rewards);
  const d = candidates[0]?.length ?? 0;
  if (d < 2) throw new Error(`--db: portfolio version ${portfolio.version} has no candidates with rewards`);
  return { name: `${file} v${portfolio.version} (n=${candidates.length})`, d, candidates, stderr: portfolio.candidates.map((c) => c.stderr) };
}

/** Parses --version: a positive whole number, or undefined when absent. */
export function parseVersion(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`--version: must be a positive whole number (got ${JSON.stringify(raw)})`);
  return Number(raw);
}
