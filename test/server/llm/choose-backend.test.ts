import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseBackend } from '../../../server/llm/choose-backend';
import type { BackendSettings, ChosenBackend } from '../../../server/llm/choose-backend';
import { LlmError } from '../../../server/llm/llm.types';
import { startFakeOllama } from '../../fakes/fake-ollama';
import type { FakeOllama } from '../../fakes/fake-ollama';
import { unusedPort } from '../../fakes/unused-port';
import { TEST_MODEL_PATH } from '../../helpers/test-model';

let closedHost: string;
let emptyModelsDir: string;
let chosen: ChosenBackend | undefined;
let fake: FakeOllama | undefined;

function settings(overrides: Partial<BackendSettings> = {}): BackendSettings {
  return {
    backend: 'auto',
    ollamaHost: closedHost,
    ollamaModel: 'qwen2.5:0.5b',
    modelsDir: emptyModelsDir,
    demoModelPath: TEST_MODEL_PATH,
    threads: 1,
    parallel: 1,
    contextSize: 512,
    ollamaProbeTimeoutMs: 500,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

beforeEach(async () => {
  closedHost = `http://127.0.0.1:${await unusedPort()}`;
  emptyModelsDir = mkdtempSync(join(tmpdir(), 'palm-models-'));
});
afterEach(async () => {
  await chosen?.backend.close();
  await fake?.close();
  chosen = undefined;
  fake = undefined;
});

describe('chooseBackend', () => {
  it('uses the embedded backend when set explicitly, and warns about the demo model', async () => {
    chosen = await chooseBackend(settings({ backend: 'embedded', modelPath: TEST_MODEL_PATH }));
    expect(chosen.backend.info).toMatchObject({ kind: 'embedded', model: 'stories260K.gguf', chatTuned: false });
    expect(chosen.banner).toContain('stories260K.gguf');
    expect(chosen.banner).toMatch(/WARNING.*demo.*NOT chat-tuned/);
  });

  it('falls back to the demo model when Ollama is unreachable and models/ is empty', async () => {
    chosen = await chooseBackend(settings());
    expect(chosen.backend.info.kind).toBe('embedded');
    expect(chosen.banner).toContain(`Ollama is not reachable at ${closedHost}`);
    expect(chosen.banner).toMatch(/WARNING/);
  });

  it('prefers a GGUF in models/ over the demo model', async () => {
    const modelsDir = mkdtempSync(join(tmpdir(), 'palm-models-'));
    copyFileSync(TEST_MODEL_PATH, join(modelsDir, 'my-model.gguf'));
    writeFileSync(join(modelsDir, 'a-readme.txt'), 'not a model');
    chosen = await chooseBackend(settings({ modelsDir, demoModelPath: join(modelsDir, 'absent.gguf') }));
    expect(chosen.backend.info.model).toBe('my-model.gguf');
  });

  it('picks a reachable Ollama that has the model, without a demo warning', async () => {
    fake = await startFakeOllama({ models: ['qwen2.5:0.5b'], reply: ['Hi', '!'] });
    chosen = await chooseBackend(settings({ ollamaHost: fake.host }));
    expect(chosen.backend.info).toMatchObject({ kind: 'ollama', model: 'qwen2.5:0.5b' });
    expect(chosen.banner).toContain('ollama');
    expect(chosen.banner).not.toMatch(/WARNING/);
    const chunks: string[] = [];
    for await (const chunk of chosen.backend.generate({ system: '', messages: [{ role: 'user', content: 'x' }], decoding: { temperature: 0, topP: 1, maxTokens: 8 } })) chunks.push(chunk);
    expect(chunks.join('')).toBe('Hi!');
  });

  it('falls back to embedded when a reachable Ollama lacks the model, and says how to pull it', async () => {
    fake = await startFakeOllama({ models: ['llama3.2:1b'] });
    chosen = await chooseBackend(settings({ ollamaHost: fake.host }));
    expect(chosen.backend.info.kind).toBe('embedded');
    expect(chosen.banner).toContain('ollama pull qwen2.5:0.5b');
  });

  it('fails clearly when Ollama is required but unreachable', async () => {
    const error = await failure(chooseBackend(settings({ backend: 'ollama' })));
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ code: 'unreachable' });
    expect(String(error)).toContain(closedHost);
  });

  it('does not fall back from an explicit model path that does not exist', async () => {
    const modelPath = join(emptyModelsDir, 'typo.gguf');
    const error = await failure(chooseBackend(settings({ modelPath })));
    expect(error).toMatchObject({ code: 'model_missing' });
    expect(String(error)).toContain(modelPath);
  });

  it('explains how to get a model when none is found', async () => {
    const error = await failure(chooseBackend(settings({ demoModelPath: join(emptyModelsDir, 'none.gguf') })));
    expect(error).toMatchObject({ code: 'model_missing' });
    expect(String(error)).toContain('npm run download-model');
    expect(String(error)).toContain('MODEL_PATH');
    expect(String(error)).toContain('Ollama');
  });
});
