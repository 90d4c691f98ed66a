import { afterEach } from 'vitest';
import { startFakeOllama, type FakeOllama, type FakeOllamaOptions } from './fake-ollama';

/**
 * For a describe block: a `startFakeOllama` whose fakes are all closed after each test, so
 * tests need no shared `let fake` and a second fake started in one test is not leaked.
 */
export function fakeOllamaPerTest(): (options?: FakeOllamaOptions) => Promise<FakeOllama> {
  const started: FakeOllama[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((fake) => fake.close()));
  });
  return async (options) => {
    const fake = await startFakeOllama(options);
    started.push(fake);
    return fake;
  };
}
