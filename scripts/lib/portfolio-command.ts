import { existsSync } from 'node:fs';
import { openDatabase } from '../../server/db/client';
import { activatePortfolioVersion, listPortfolioVersions } from '../../server/portfolio/portfolio.store';

export const PORTFOLIO_USAGE = `Usage: npm run portfolio -- <command> [--db <path>]

  list                 every portfolio version: status, size, certified gaps
  activate <version>   make <version> the active portfolio (roll back or forward); a running
                       server picks it up with the next message

  --db <path>          SQLite database (default: DATABASE_PATH, else data/palm-chat.db)`;

export class PortfolioCommandError extends Error {
  override name = 'PortfolioCommandError';
}

export type PortfolioCommand = { kind: 'list' } | { kind: 'activate'; version: number } | { kind: 'help' };

/** Positional arguments → a command; anything else is a usage error that touches nothing. */
export function parsePortfolioCommand(args: readonly string[]): PortfolioCommand {
  const [name, value, ...rest] = args;
  if (name === undefined || name === 'help' || name === '--help') return { kind: 'help' };
  if (name === 'list' && value === undefined) return { kind: 'list' };
  if (name === 'activate' && value !== undefined && rest.length === 0) {
    const version = Number(value);
    if (!Number.isInteger(version) || version < 1) throw new PortfolioCommandError(`activate: the version must be a whole number ≥ 1, got "${value}"`);
    return { kind: 'activate', version };
  }
  throw new PortfolioCommandError(`unknown command "${args.join(' ')}"\n\n${PORTFOLIO_USAGE}`);
}

/** Runs a command against the database at `path`; returns the lines to print. */
export function runPortfolioCommand(command: PortfolioCommand, path: string): string[] {
  if (command.kind === 'help') return [PORTFOLIO_USAGE];
  // Never create an empty database just to report that it is empty.
  if (!existsSync(path)) throw new PortfolioCommandError(`no database at ${path}: build a portfolio first (npm run build-portfolio)`);
  const db = openDatabase(path);
  try {
    if (command.kind === 'activate') {
      activatePortfolioVersion(db, command.version);
      return [`portfolio version ${command.version} is now active`, ...listLines(db)];
    }
    return listLines(db);
  } finally {
    db.$client.close();
  }
}

function listLines(db: ReturnType<typeof openDatabase>): string[] {
  const versions = listPortfolioVersions(db);
  if (versions.length === 0) return ['no portfolio versions yet: run npm run build-portfolio'];
  const rows = versions.map((v) => {
    const cert = v.certificate;
    const gaps = cert ? `ε ${cert.epsilon.toFixed(3)}  δ ${cert.delta.toFixed(3)}` : 'not certified';
    const mark = v.status === 'active' ? '*' : ' ';
    return `${mark} v${String(v.version).padEnd(4)} ${v.status.padEnd(8)} ${String(v.memberCount).padStart(3)} of ${String(v.candidateCount).padEnd(4)} ${new Date(v.createdAt).toISOString().slice(0, 16).replace('T', ' ')}  ${gaps}`;
  });
  return ['  version status   members     built (UTC)       certified on eval', ...rows, '(* = active)'];
}
