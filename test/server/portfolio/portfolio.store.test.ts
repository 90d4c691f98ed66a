import { afterEach, describe, expect, it } from 'vitest';
import { basePolicy } from '../../../server/portfolio/base-policy';
import {
  activatePortfolioVersion,
  loadActivePortfolio,
  savePortfolioVersion,
  type CandidateRecord,
} from '../../../server/portfolio/portfolio.store';
import type { PortfolioParams } from '../../../shared/schemas/portfolio.schema';
import { tempDatabase } from '../../helpers/temp-db';

const params: PortfolioParams = {
  mu: 0.4, alpha: 0.2, epsilon: 0.05, delta: 0.02, backend: 'embedded', model: 'm.gguf',
  trainPrompts: 4, evalPrompts: 2, samplesPerPrompt: 1,
};

function candidate(name: string, rewards: number[], selected: boolean): CandidateRecord {
  const policy = { ...basePolicy('m.gguf'), id: `p_${name}`, name };
  return { policy, rewards, stderr: rewards.map(() => 0.01), samples: 4, selected, coveredGridPoints: selected ? 3 : 0 };
}

let cleanup = () => {};
afterEach(() => cleanup());

describe('portfolio store', () => {
  it('activating a new version retires the previous one, which can be rolled back to', () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    const v1 = savePortfolioVersion(t.db, { params, certificate: null, candidates: [candidate('a', [1, 0, 0], true)], activate: true });
    const v2 = savePortfolioVersion(t.db, {
      params, certificate: null, activate: true,
      candidates: [candidate('a', [1, 0, 0], true), candidate('b', [0, 1, 0], true), candidate('c', [0.4, 0.4, 0], false)],
    });
    const active = loadActivePortfolio(t.db);
    expect(active?.version).toBe(v2);
    expect(active?.candidates.filter((c) => c.selected).map((c) => c.policy.name).sort()).toEqual(['a', 'b']);
    expect(active?.candidates).toHaveLength(3);
    activatePortfolioVersion(t.db, v1);
    expect(loadActivePortfolio(t.db)?.version).toBe(v1);
  });

  it('refuses a portfolio without members and an unknown version, changing nothing', () => {
    const t = tempDatabase();
    cleanup = t.cleanup;
    expect(() => savePortfolioVersion(t.db, { params, certificate: null, candidates: [candidate('a', [1, 0, 0], false)], activate: true })).toThrow(/at least one selected/);
    expect(() => activatePortfolioVersion(t.db, 42)).toThrow(/does not exist/);
    expect(loadActivePortfolio(t.db)).toBeNull();
  });
});
