import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OllamaModels } from '../../../server/llm/ollama/ollama-models';
import { importOllamaPolicy, loadImportedPolicies } from '../../../server/portfolio/import-policy';
import { materializedModel, materializePortfolio, policyModelName, prunePolicyModels } from '../../../server/portfolio/ollama-policy-models';
import { policyIdFor } from '../../../server/portfolio/policy-id';
import { activatePortfolioVersion } from '../../../server/portfolio/portfolio.store';
import { startFakeOllama, type FakeOllama } from '../../fakes/fake-ollama';
import { saveTestPortfolio } from '../../helpers/portfolio-fixture';
import { tempDatabase } from '../../helpers/temp-db';

describe('portfolio policies as Ollama models', () => {
  let fake: FakeOllama;
  let temp: ReturnType<typeof tempDatabase>;
  beforeEach(async () => {
    fake = await startFakeOllama({ models: ['stories260K.gguf', 'my-lora:latest'] });
    temp = tempDatabase();
  });
  afterEach(async () => {
    await fake.close();
    temp.cleanup();
  });

  it('creates each member under a versioned name, from the base, with its system prompt and one num_ctx for all', async () => {
    const { safe, funny, brief, version } = saveTestPortfolio(temp.db, { maxTokens: 40 }, { maxTokens: 80 });
    const models = new OllamaModels(fake.host);
    const first = await materializePortfolio({ db: temp.db, models, version, numCtx: 4096 });
    expect(first.created.sort()).toEqual([policyModelName(version, safe.id), policyModelName(version, funny.id)].sort());
    expect(fake.models.has(`${policyModelName(version, brief.id)}:latest`)).toBe(false);
    const created = fake.models.get(`${policyModelName(version, funny.id)}:latest`);
    expect(created).toMatchObject({ from: 'stories260K.gguf:latest', system: funny.system, parameters: { num_ctx: 4096, num_predict: 80, temperature: funny.decoding.temperature } });
    const ctx = [safe, funny].map((p) => fake.models.get(`${policyModelName(version, p.id)}:latest`)?.parameters?.num_ctx);
    expect(new Set(ctx)).toEqual(new Set([4096]));
    expect(materializedModel(temp.db, version, funny.id)).toBe(policyModelName(version, funny.id));

    const again = await materializePortfolio({ db: temp.db, models, version, numCtx: 4096 });
    expect(again).toEqual({ created: [], kept: expect.arrayContaining(first.created) });
    expect(fake.requests.filter((r) => r.path === '/api/create')).toHaveLength(2);
  });

  it('recreates a recorded model that disappeared from the server', async () => {
    const { safe, version } = saveTestPortfolio(temp.db);
    const models = new OllamaModels(fake.host);
    await materializePortfolio({ db: temp.db, models, version, numCtx: 2048 });
    await models.delete(policyModelName(version, safe.id));
    const again = await materializePortfolio({ db: temp.db, models, version, numCtx: 2048 });
    expect(again.created).toEqual([policyModelName(version, safe.id)]);
  });

  it('prunes models of inactive versions only, keeping the active one and any listed', async () => {
    const old = saveTestPortfolio(temp.db);
    const models = new OllamaModels(fake.host);
    await materializePortfolio({ db: temp.db, models, version: old.version, numCtx: 2048 });
    const current = saveTestPortfolio(temp.db, { maxTokens: 99 });
    await materializePortfolio({ db: temp.db, models, version: current.version, numCtx: 2048 });
    expect(await prunePolicyModels(temp.db, models, [old.version])).toEqual([]);
    const removed = await prunePolicyModels(temp.db, models);
    expect(removed.sort()).toEqual([policyModelName(old.version, old.safe.id), policyModelName(old.version, old.funny.id)].sort());
    expect(fake.models.has(`${policyModelName(old.version, old.safe.id)}:latest`)).toBe(false);
    expect(fake.models.has(`${policyModelName(current.version, current.safe.id)}:latest`)).toBe(true);
    activatePortfolioVersion(temp.db, old.version);
    expect((await prunePolicyModels(temp.db, models)).length).toBe(2);
  });

  it('imports an existing Ollama model as a candidate whose id depends on the model', async () => {
    const models = new OllamaModels(fake.host);
    const policy = await importOllamaPolicy(temp.db, models, { model: 'my-lora:latest', name: 'my fine-tune' });
    expect(policy).toMatchObject({ origin: 'import', ollamaModel: 'my-lora:latest', name: 'my fine-tune', system: '' });
    const { id: _id, name: _name, ...rest } = policy;
    expect(policyIdFor({ ...rest, ollamaModel: 'other:latest' })).not.toBe(policy.id);
    expect(loadImportedPolicies(temp.db)).toEqual([policy]);
    await importOllamaPolicy(temp.db, models, { model: 'my-lora:latest', name: 'my fine-tune' });
    expect(loadImportedPolicies(temp.db)).toHaveLength(1);
    await expect(importOllamaPolicy(temp.db, models, { model: 'absent:1b', name: 'x' })).rejects.toMatchObject({ code: 'model_missing' });
  });

  it('a policy without an Ollama model keeps the id it had before the field existed', () => {
    const spec = { origin: 'search' as const, baseModel: 'm', levels: { safety: 1 as const, humor: 0 as const, brevity: 2 as const }, system: 'S', decoding: { temperature: 0.5, topP: 0.9, maxTokens: 16 } };
    // The canonical form ids were hashed from before `ollamaModel` existed: cached answers stay valid.
    const before = JSON.stringify({ origin: 'search', baseModel: 'm', levels: [1, 0, 2], system: 'S', decoding: [0.5, 0.9, 16] });
    expect(policyIdFor(spec)).toBe(`p_${createHash('sha256').update(before).digest('hex').slice(0, 16)}`);
  });
});
