import { afterEach, vi } from 'vitest';

// An unexpected console.error is a bug: fail the test that caused it.
// Tests that expect one spy on console.error themselves (mocks are restored after each test).
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length > 0 && !vi.isMockFunction(console.error)) {
    throw new Error(`unexpected console.error: ${seen.map((a) => a.map(String).join(' ')).join(' | ')}`);
  }
});
