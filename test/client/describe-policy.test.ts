import { describe, expect, it } from 'vitest';
import { describePolicyName } from '../../client/src/lib/describe-policy';

describe('describePolicyName', () => {
  it('reads a generated name as instruction levels, temperature and token limit', () => {
    expect(describePolicyName('s2-h1-b0-t0.8-n16')).toBe(
      'asks for: safety strong, humor mild, brevity none · temperature 0.8 · at most 16 tokens',
    );
    expect(describePolicyName('s0-h2-b2-t1-n128')).toBe(
      'asks for: safety none, humor strong, brevity strong · temperature 1 · at most 128 tokens',
    );
    expect(describePolicyName('s1-h0-b1-t0.25-n1')).toBe(
      'asks for: safety mild, humor none, brevity mild · temperature 0.25 · at most 1 token',
    );
  });

  it('returns any other name unchanged', () => {
    for (const name of ['safe', 'my-imported-policy', 's3-h1-b0-t0.8-n16', 's2-h1-b0-t0.8', 's2-h1-b0-tx-n16', 'xs2-h1-b0-t0.8-n16', '']) {
      expect(describePolicyName(name)).toBe(name);
    }
  });
});
