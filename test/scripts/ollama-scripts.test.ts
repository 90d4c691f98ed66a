import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client';
import { OllamaModels } from '../../server/llm/ollama/ollama-models';
import { loadImportedPolicies } from '../../server/portfolio/import-policy';
import { materializePortfolio, policyModelName } from '../../server/portfolio/ollama-policy-models';
import { startFakeOllama, type FakeOllama } from '../fakes/fake-ollama';
import { saveTestPortfolio } from '../helpers/portfolio-fixture';
import { runScript, type ScriptResult } from '../helpers/run-script';

const dir = mkdtempSync(join(tmpdir(), 'palm-ollama-scripts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function script(file: string, args: string[], host: string): Promise<ScriptResult> {
  return runScript(file, args, { env: { ...process.env, OLLAMA_HOST: host, DATABASE_PATH: '' }, timeoutMs: 30_000 });
}

describe('Ollama scripts against the fake server', () => {
  let fake: FakeOllama;
  beforeEach(async () => {
    fake = await startFakeOllama({ models: ['stories260K.gguf', 'my-lora:7b'] });
  });
  afterEach(() => fake.close());

  it('npm run import-policy registers a model, and refuses one Ollama lacks', async () => {
    const path = join(dir, 'import.db');
    const ok = await script('scripts/import-policy.ts', ['--model', 'my-lora:7b', '--name', 'lora', '--max-tokens', '32', '--db', path], fake.host);
    expect(ok.stdout).toContain('Imported my-lora:7b');
    expect(ok.code).toBe(0);
    const bad = await script('scripts/import-policy.ts', ['--model', 'nope:1b', '--name', 'x', '--db', path], fake.host);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('ollama pull nope:1b');
    const db = openDatabase(path);
    try {
      expect(loadImportedPolicies(db).map((p) => [p.ollamaModel, p.decoding.maxTokens])).toEqual([['my-lora:7b', 32]]);
    } finally {
      db.$client.close();
    }
  });

  it('npm run ollama:prune removes the models of the inactive version', async () => {
    const path = join(dir, 'prune.db');
    const db = openDatabase(path);
    const models = new OllamaModels(fake.host);
    const old = saveTestPortfolio(db);
    await materializePortfolio({ db, models, version: old.version, numCtx: 2048 });
    const current = saveTestPortfolio(db, { maxTokens: 77 });
    await materializePortfolio({ db, models, version: current.version, numCtx: 2048 });
    db.$client.close();
    const result = await script('scripts/ollama-prune.ts', ['--db', path], fake.host);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Removed 2 policy model(s)');
    expect(await models.has(policyModelName(old.version, old.safe.id))).toBe(false);
    expect(await models.has(policyModelName(current.version, current.safe.id))).toBe(true);
  });
});
