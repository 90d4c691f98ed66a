import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseBuildFlags, UsageError } from '../../scripts/lib/build-portfolio-args';

describe('parseBuildFlags', () => {
  it('applies the defaults', () => {
    expect(parseBuildFlags([])).toMatchObject({ mu: DEFAULTS.mu, alpha: DEFAULTS.alpha, 'max-tokens': [...DEFAULTS.maxTokens], 'no-activate': false });
  });

  it('parses numbers, lists, negatives-as-values and booleans', () => {
    const flags = parseBuildFlags(['--mu=0.5', '--alpha', '.3', '--temperatures', '0.2, 1', '--max-tokens', '8,16', '--samples', '2', '--no-activate', '--backend', 'embedded']);
    expect(flags).toMatchObject({ mu: 0.5, alpha: 0.3, temperatures: [0.2, 1], 'max-tokens': [8, 16], samples: 2, 'no-activate': true, backend: 'embedded' });
  });

  it('parses the selection modes', () => {
    expect(parseBuildFlags([])).toMatchObject({ selection: 'greedy' });
    expect(parseBuildFlags([]).budget).toBeUndefined();
    expect(parseBuildFlags(['--selection', 'exact'])).toMatchObject({ selection: 'exact' });
    expect(parseBuildFlags(['--budget', '3'])).toMatchObject({ budget: 3 });
  });

  it.each([
    [['--mu', '0'], '--mu: must be > 0 (got "0")'],
    [['--mu', '-1'], '--mu: must be > 0 (got "-1")'],
    [['--alpha', '0'], '--alpha: must be in (0, 1)'],
    [['--epsilon', '1'], '--epsilon: must be in [0, 1)'],
    [['--delta', '-1'], '--delta: must be ≥ 0'],
    [['--samples', '1.5'], '--samples: must be a whole number'],
    [['--temperatures', '0.5,3'], '--temperatures: temperatures must be in [0, 2]'],
    [['--backend', 'gpu'], '--backend: must be auto, ollama or embedded'],
    [['--selection', 'optimal'], '--selection: must be greedy or exact (got "optimal")'],
    [['--budget', '0'], '--budget: must be a whole number ≥ 1 (got "0")'],
    [['--budget', '2.5'], '--budget: must be a whole number (got "2.5")'],
    [['--budget', '2', '--selection', 'exact'], '--budget: cannot be combined with --selection'],
    [['--mu'], "Option '--mu <value>' argument missing"],
    [['--extra'], "Unknown option '--extra'"],
    [['stray'], 'Unexpected argument'],
  ])('%j fails with %s', (args, message) => {
    expect(() => parseBuildFlags(args)).toThrow(UsageError);
    expect(() => parseBuildFlags(args)).toThrow(message);
  });
});
