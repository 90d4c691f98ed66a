import { describe, expect, it } from 'vitest';
import { pairedGaps, selectPortfolio } from '../../../server/portfolio/select';
import { geometricGrid } from '../../../shared/palm/grid';
import { landscape } from '../../../shared/palm/landscapes';
import { sampleSimplex } from '../../../shared/palm/prng';
import { certifiedCover } from '../../../shared/palm/select';
import { coversAll } from './covers-all';

describe('selectPortfolio', () => {
  const rewards = [
    [0.9, 0.1, 0.2],
    [0.1, 0.9, 0.2],
    [0.2, 0.1, 0.9],
    [0.5, 0.5, 0.5],
    [0.85, 0.12, 0.2],
    [0.1, 0.1, 0.1],
  ];
  const grid = { mu: 0.4, alpha: 0.2 };
  const fine = sampleSimplex(3, 20_000, 7);

  it('certifies the cover over the whole simplex, not only the grid', () => {
    for (const [epsilon, delta] of [[0.05, 0.01], [0.3, 0.1]] as const) {
      const s = selectPortfolio(rewards, { ...grid, epsilon, delta });
      const members = s.members.map((i) => rewards[i] ?? []);
      expect(s.mode).toBe('greedy');
      expect(s.certified).toBe(true);
      expect(coversAll(members, rewards, fine, epsilon, delta)).toBe(true);
      expect(s.coveredGridPoints.reduce((a, b) => a + b, 0)).toBe(geometricGrid(3, 0.4, 0.2).length);
      expect(s.members).not.toContain(5);
    }
    expect(selectPortfolio(rewards, { ...grid, epsilon: 0.5, delta: 0.3 }).members).toEqual([3]);
  });

  it('exact mode never needs more members than greedy; budget mode keeps k and its worst gap falls with k', () => {
    const pool = landscape({ d: 3, shape: 'convex', count: 60, seed: 3 }).candidates;
    const target = { ...grid, epsilon: 0.02, delta: 0.01 };
    const greedy = selectPortfolio(pool, target);
    const exact = selectPortfolio(pool, { ...target, method: 'exact' });
    expect(exact.mode).toBe('exact');
    expect(exact.certified).toBe(true);
    expect(exact.members.length).toBeLessThanOrEqual(greedy.members.length);
    const one = selectPortfolio(pool, { ...target, budget: 1 });
    const two = selectPortfolio(pool, { ...target, budget: 2 });
    expect([one.mode, one.budget, one.members.length, two.members.length]).toEqual(['budget', 1, 1, 2]);
    expect(one.budgetGaps?.worstEpsilon).toBeGreaterThanOrEqual(two.budgetGaps?.worstEpsilon ?? Infinity);
    const eps = greedy.tradeoff.map((t) => t.worstEpsilon);
    expect(eps).toHaveLength(8);
    eps.forEach((e, i) => expect(e).toBeLessThanOrEqual(eps[i - 1] ?? Infinity));
  });

  it('at the minimum size, re-picks the certified set with the smaller gap', () => {
    const target = { mu: 0.4, alpha: 0.2, epsilon: 0.05, delta: 0.02 };
    let refinedCount = 0;
    for (const seed of [1, 2, 5, 6]) {
      const pool = landscape({ d: 3, shape: 'convex', count: 40, seed }).candidates;
      const plain = certifiedCover(pool, target.epsilon, target.delta, { method: 'greedy', grid: { mu: target.mu, alpha: target.alpha } });
      const s = selectPortfolio(pool, target);
      const gap = (members: readonly number[]) => pairedGaps(members, pool, target).plain;
      expect(s.members).toHaveLength(plain.selected.length);
      expect(coversAll(s.members.map((i) => pool[i] ?? []), pool, fine, target.epsilon, target.delta)).toBe(true);
      expect(gap(s.members)).toBeLessThanOrEqual(gap(plain.selected) + 1e-12);
      if (s.refined) {
        refinedCount++;
        expect(gap(s.members)).toBeLessThan(gap(plain.selected));
      }
    }
    expect(refinedCount).toBeGreaterThan(0);
  });

  it('with standard errors, judges equal-size sets on the conservative certificate', () => {
    const target = { mu: 0.4, alpha: 0.2, epsilon: 0.05, delta: 0.02 };
    const pool = landscape({ d: 3, shape: 'convex', count: 40, seed: 1 }).candidates;
    // Huge uncertainty on every candidate but the plain cover's members: trusting the noisy
    // point estimates would be luck, so the measured set must be kept.
    const plain = certifiedCover(pool, target.epsilon, target.delta, { method: 'greedy', grid: { mu: target.mu, alpha: target.alpha } });
    const stderr = pool.map((r, i) => r.map(() => (plain.selected.includes(i) ? 0 : 0.2)));
    const s = selectPortfolio(pool, { ...target, stderr });
    expect(s.refined).toBe(false);
    expect([...s.members].sort((a, b) => a - b)).toEqual([...plain.selected].sort((a, b) => a - b));
    expect(selectPortfolio(pool, target).refined).toBe(true);
  });
});
