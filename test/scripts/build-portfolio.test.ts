import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { loadActivePortfolio } from '../../server/portfolio/portfolio.store';
import { TEST_MODEL_PATH } from '../helpers/test-model';
import { runScript, type ScriptResult } from '../helpers/run-script';

const dir = mkdtempSync(join(tmpdir(), 'palm-build-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = { ...process.env, LLM_BACKEND: 'embedded', MODEL_PATH: TEST_MODEL_PATH, LLM_THREADS: '1', LLM_PARALLEL: '2', DATABASE_PATH: '' };

/** Runs the real script as `npm run build-portfolio` would; resolves with the exit code and output. */
function buildScript(args: string[]): Promise<ScriptResult> {
  return runScript('scripts/build-portfolio.ts', args, { env });
}

describe('npm run build-portfolio', () => {
  it('bad flags exit 1 with a message naming the flag and create no database', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--mu', '-1'], /--mu: must be > 0 \(got "-1"\)/],
      [['--epsilon', 'lots'], /--epsilon: must be a number \(got "lots"\)/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--selection', 'fastest'], /--selection: must be greedy or exact \(got "fastest"\)/],
      [['--budget', '-2'], /--budget: must be a whole number ≥ 1 \(got "-2"\)/],
    ];
    // Each run is a fresh tsx process (about 2 s): a few kinds here, every rule in the args unit test.
    await Promise.all(
      cases.map(async ([args, message], i) => {
        const db = join(dir, `bad-${i}.db`);
        const result = await buildScript([...args, '--db', db]);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toContain('--help');
        expect(existsSync(db)).toBe(false);
      }),
    );
  });

  it('builds and activates a portfolio end to end with tiny flags, and a re-run only reads the caches', async () => {
    const db = join(dir, 'build.db');
    const tiny = ['--db', db, '--mu', '0.4', '--alpha', '0.2', '--train-limit', '4', '--eval-limit', '2', '--max-candidates', '4', '--max-tokens', '8,24'];
    const first = await buildScript(tiny);
    expect(first.stderr).toContain('LLM backend: embedded, model stories260K.gguf');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/generations 24\/24 100%/);
    expect(first.stdout).toMatch(/Portfolio version 1 \(active\): \d+ of 4 candidates, \d+ grid points/);
    expect(first.stdout).toMatch(/predicted \(seed statement\)\s+ε ≤ 1\.600/);
    expect(first.stdout).toContain('Generations: 24 new, 0 cached.');
    const second = await buildScript([...tiny, '--no-activate']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Portfolio version 2 (saved, not activated)');
    expect(second.stdout).toContain('Generations: 0 new, 24 cached. Reward scores: 0 new');
    const opened = openDatabase(db);
    expect(loadActivePortfolio(opened)?.version).toBe(1);
    opened.$client.close();
  });

  it('--judges ollama without a reachable Ollama fails at once with advice and creates no database', async () => {
    const db = join(dir, 'judges.db');
    // Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    const result = await runScript('scripts/build-portfolio.ts', ['--judges', 'ollama', '--db', db], { env: { ...env, OLLAMA_HOST: 'http://127.0.0.1:9' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--judges ollama needs a reachable Ollama .*127\.0\.0\.1:9.*leave out --judges/);
    expect(result.stderr).not.toMatch(/LLM backend/);
    expect(existsSync(db)).toBe(false);
  });

  it('prints the flags with --help and touches nothing', async () => {
    const result = await buildScript(['--help', '--db', join(dir, 'help.db')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--max-candidates');
    expect(existsSync(join(dir, 'help.db'))).toBe(false);
  });
});
