import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { OllamaModels } from '../../server/llm/ollama/ollama-models';
import { importOllamaPolicy } from '../../server/portfolio/import-policy';
import { loadActivePortfolio } from '../../server/portfolio/portfolio.store';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama';
import { runScript, type ScriptResult } from '../helpers/run-script';

const dir = mkdtempSync(join(tmpdir(), 'palm-build-ollama-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE = 'llama3.2:1b';
const TINY = ['--mu', '0.4', '--alpha', '0.2', '--train-limit', '3', '--eval-limit', '2', '--max-candidates', '4', '--max-tokens', '8,24'];

describe('npm run build-portfolio -- --backend ollama (against the protocol fake)', () => {
  let fake: FakeOllama;
  beforeEach(async () => {
    fake = await startFakeOllama({ models: [BASE, 'llama-guard3:1b', 'my-lora:7b'] });
  });
  afterEach(() => fake.close());

  function build(args: string[]): Promise<ScriptResult> {
    const env = { ...process.env, OLLAMA_HOST: fake.host, OLLAMA_NUM_CTX: '2048', PALM_JUDGE_SAFETY_MODEL: 'llama-guard3:1b', PALM_JUDGE_HUMOR_MODEL: BASE, DATABASE_PATH: '' };
    return runScript('scripts/build-portfolio.ts', args, { env });
  }

  it('builds with judges and an imported policy, creates the members on Ollama, reports throughput; a re-run reads the caches', async () => {
    const path = join(dir, 'build.db');
    const db = openDatabase(path);
    const imported = await importOllamaPolicy(db, new OllamaModels(fake.host), { model: 'my-lora:7b', name: 'lora' });
    db.$client.close();

    const first = await build(['--backend', 'ollama', '--model', BASE, '--judges', 'ollama', '--db', path, ...TINY]);
    expect(first.stderr).toContain(`LLM backend: ollama, model ${BASE}`);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Throughput \(server timings\): [\d.]+ tokens\/s per stream over 25 generation/);
    expect(first.stderr).toContain('judges on Ollama');
    expect(fake.chatRequests.some((r) => r.model === 'my-lora:7b')).toBe(true);
    expect(fake.chatRequests.some((r) => r.model === 'llama-guard3:1b')).toBe(true);

    const check = openDatabase(path);
    try {
      const active = loadActivePortfolio(check);
      expect(active?.candidates.map((c) => c.policy.id)).toContain(imported.id);
      const members = active?.candidates.filter((c) => c.selected) ?? [];
      const names = [...fake.models.keys()].filter((n) => n.startsWith('palm-v'));
      expect(names.sort()).toEqual(members.map((m) => `palm-v${active?.version}-${m.policy.id}:latest`).sort());
    } finally {
      check.$client.close();
    }

    const before = fake.chatRequests.length;
    const again = await build(['--backend', 'ollama', '--model', BASE, '--judges', 'ollama', '--db', path, ...TINY]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Generations: 0 new, 25 cached.');
    expect(fake.chatRequests.length).toBe(before);
  });
});
