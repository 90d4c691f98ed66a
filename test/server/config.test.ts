import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readEnvironment } from '../../server/config';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function repoWithEnvFile(content: string): string {
  dir = mkdtempSync(join(tmpdir(), 'palm-config-'));
  writeFileSync(join(dir, '.env'), content);
  return dir;
}

describe('configuration', () => {
  it('reads the repository .env file, with the real environment winning', () => {
    const root = repoWithEnvFile('PORT=3126\nLLM_THREADS=2\n# a comment\nHOST=0.0.0.0\n');
    const config = loadConfig(readEnvironment(root, { HOST: '127.0.0.2' }), root);
    expect(config.port).toBe(3126);
    expect(config.llm.threads).toBe(2);
    expect(config.host).toBe('127.0.0.2');
  });

  it('rejects a bad value from .env naming the variable', () => {
    const root = repoWithEnvFile('LLM_THREADS=0\n');
    expect(() => loadConfig(readEnvironment(root, {}), root)).toThrow(ConfigError);
    expect(() => loadConfig(readEnvironment(root, {}), root)).toThrow(/LLM_THREADS/);
  });

  it('uses the defaults without a .env file, treating empty strings as unset', () => {
    dir = mkdtempSync(join(tmpdir(), 'palm-config-'));
    const config = loadConfig(readEnvironment(dir, { PORT: '' }), dir);
    expect(config.port).toBe(3000);
    expect(config.databasePath).toBe(join(dir, 'data/palm-chat.db'));
  });

  it('says in plain words what a bad value must be', () => {
    dir = mkdtempSync(join(tmpdir(), 'palm-config-'));
    expect(() => loadConfig(readEnvironment(dir, { PORT: 'abc' }), dir)).toThrow(/PORT: must be a whole number from 0 to 65535 \(got "abc"\)/);
    expect(() => loadConfig(readEnvironment(dir, { LLM_BACKEND: 'gpu' }), dir)).toThrow(/LLM_BACKEND: must be auto, ollama or embedded/);
  });
});
