import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../../../../server/llm/choose-backend';
import { OllamaModels, type PullProgress } from '../../../../server/llm/ollama/ollama-models';
import { pullProgressReporter } from '../../../../server/llm/ollama/pull-progress';
import { fakeOllamaPerTest } from '../../../fakes/fake-ollama-per-test';
import { unusedPort } from '../../../fakes/unused-port';

describe('Ollama model management over the wire protocol', () => {
  const startFake = fakeOllamaPerTest();

  it('health check returns the version, and names the host when nothing listens', async () => {
    const fake = await startFake();
    expect(await new OllamaModels(fake.host).version()).toMatch(/^\d+\.\d+\.\d+$/);
    const host = `http://127.0.0.1:${await unusedPort()}`;
    await expect(new OllamaModels(host).version()).rejects.toMatchObject({ code: 'unreachable', message: `Ollama is not reachable at ${host}` });
  });

  it('lists tags, treating a bare name as :latest', async () => {
    const fake = await startFake({ models: ['llama3.2:1b', 'mistral'] });
    const models = new OllamaModels(fake.host);
    expect(await models.list()).toEqual(['llama3.2:1b', 'mistral:latest']);
    expect(await models.has('mistral')).toBe(true);
    expect(await models.has('llama3.2:3b')).toBe(false);
  });

  it('creates a model from a base with system and parameters, shows it, deletes it', async () => {
    const fake = await startFake({ models: ['llama3.2:1b'] });
    const models = new OllamaModels(fake.host);
    await models.create({ model: 'palm-v1-p_abc', from: 'llama3.2:1b', system: 'Be funny.', parameters: { num_ctx: 4096, temperature: 0.8 } });
    expect(fake.requests.find((r) => r.path === '/api/create')?.body).toMatchObject({ model: 'palm-v1-p_abc', from: 'llama3.2:1b', system: 'Be funny.', parameters: { num_ctx: 4096, temperature: 0.8 } });
    const shown = await models.show('palm-v1-p_abc');
    expect(shown?.system).toBe('Be funny.');
    expect(shown?.parameters).toMatch(/num_ctx\s+4096/);
    expect(await models.delete('palm-v1-p_abc')).toBe(true);
    expect(await models.show('palm-v1-p_abc')).toBeUndefined();
    expect(await models.delete('palm-v1-p_abc')).toBe(false);
  });

  it('fails to create from a base model the server lacks', async () => {
    const fake = await startFake({ models: [] });
    await expect(new OllamaModels(fake.host).create({ model: 'x', from: 'nope:1b' })).rejects.toMatchObject({ name: 'LlmError', message: expect.stringContaining('nope:1b') });
  });

  it('pulls with byte progress up to success', async () => {
    const fake = await startFake({ models: [] });
    const seen: PullProgress[] = [];
    await new OllamaModels(fake.host).pull('llama3.2:1b', (p) => seen.push(p));
    expect(seen.at(-1)?.status).toBe('success');
    const bytes = seen.filter((p) => p.total !== undefined).map((p) => p.completed ?? -1);
    expect(bytes.length).toBeGreaterThan(1);
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes.at(-1)).toBe(seen.find((p) => p.total)?.total);
    expect(await new OllamaModels(fake.host).has('llama3.2:1b')).toBe(true);
  });

  it('reports a failed pull with the server message', async () => {
    const fake = await startFake({ models: [] });
    await expect(new OllamaModels(fake.host).pull('missing-model:7b')).rejects.toMatchObject({ code: 'model_missing', message: expect.stringContaining('file does not exist') });
  });

  it('renders pull progress as throttled log lines off a terminal', async () => {
    const fake = await startFake({ models: [] });
    const lines: string[] = [];
    await new OllamaModels(fake.host).pull('llama3.2:1b', pullProgressReporter({ isTTY: false, write: (t) => lines.push(t) }));
    expect(lines.some((l) => /\[#+\] 100\.0%/.test(l))).toBe(true);
    expect(lines.at(-1)).toBe('success\n');
  });

  it('the explicit Ollama backend pulls a missing base model at start-up and says so', async () => {
    const fake = await startFake({ models: [] });
    const progress: PullProgress[] = [];
    const settings = { backend: 'ollama' as const, ollamaHost: fake.host, ollamaModel: 'llama3.2:1b', modelsDir: '/nonexistent', demoModelPath: '/nonexistent.gguf', threads: 1, parallel: 3, contextSize: 512 };
    const chosen = await chooseBackend({ ...settings, ollamaNumCtx: 8192, onPullProgress: (p) => progress.push(p) });
    expect(progress.at(-1)?.status).toBe('success');
    expect(chosen.banner).toContain('pulled llama3.2:1b');
    expect(chosen.backend.info.detail).toContain('3 parallel');
    await expect(chooseBackend({ ...settings, ollamaModel: 'other:1b', ollamaPull: false })).rejects.toMatchObject({ code: 'model_missing', message: expect.stringContaining('ollama pull other:1b') });
  });
});
