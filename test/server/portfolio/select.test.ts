import { describe, expect, it } from 'vitest';
import { coversAll, gridGaps, selectPortfolio } from '../../../server/portfolio/select';
import { geometricGrid } from '../../../shared/palm/grid';

describe('selectPortfolio', () => {
  const rewards = [
    [0.9, 0.1, 0.2],
    [0.1, 0.9, 0.2],
    [0.2, 0.1, 0.9],
    [0.5, 0.5, 0.5],
    [0.85, 0.12, 0.2],
    [0.1, 0.1, 0.1],
  ];
  const grid = geometricGrid(3, 0.4, 0.2);

  it('keeps few grid winners and leaves every grid point within (ε, δ) of OPT', () => {
    for (const [epsilon, delta] of [[0, 0], [0.05, 0.01], [0.3, 0.1]] as const) {
      const s = selectPortfolio(rewards, grid, epsilon, delta);
      const members = s.members.map((i) => rewards[i] ?? []);
      expect(coversAll(members, rewards, grid, epsilon, delta)).toBe(true);
      expect(s.coveredGridPoints.reduce((a, b) => a + b, 0)).toBe(grid.length);
      expect(gridGaps(members, rewards, grid, epsilon).deltaAtTargetEpsilon).toBeLessThanOrEqual(delta + 1e-12);
      expect(s.members).not.toContain(5);
    }
    expect(selectPortfolio(rewards, grid, 0.5, 0.3).members).toEqual([3]);
    expect(selectPortfolio(rewards, grid, 0.5, 0.3).members.length).toBeLessThan(selectPortfolio(rewards, grid, 0, 0).members.length);
  });
});
