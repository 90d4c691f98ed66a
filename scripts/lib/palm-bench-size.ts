import { randomPortfolio, uniformPortfolio } from '../../shared/palm/baselines';
import { certify } from '../../shared/palm/certify';
import { certifiedCover } from '../../shared/palm/select';
import type { Pool } from './palm-bench-quality';
import { UNIVERSE } from './palm-bench-quality';

export interface SizeRow {
  pool: string;
  palmGreedy: number | null;
  palmExact: number | null;
  /** True when no certified (ε, δ)-portfolio is smaller than the exact one. */
  exactProven: boolean;
  /** No certified (ε, δ)-portfolio is smaller than this (null: not available). */
  lowerBound: number | null;
  uniform: number | null;
  random: number | null;
  /** Paired δ of the PALM greedy portfolio when members sit at lower and OPT at upper confidence bounds. */
  palmConservativeDelta: number;
  /** Largest k tried for the baselines (null above means: none up to this). */
  limit: number;
}

const MAX_K = 40;

/**
 * Portfolio size each method needs for a certified (ε, δ)-portfolio over the whole simplex
 * (the paired certificate: best member ≥ (1 − ε)·OPT − δ everywhere). Baselines: smallest k
 * whose portfolio certifies (null: none up to max(MAX_K, PALM's size)).
 */
export function sizeRow(pool: Pool, epsilon: number, delta: number): SizeRow {
  const resolution = UNIVERSE[pool.d]?.certResolution || undefined;
  const opts = resolution ? { resolution } : {};
  const greedy = certifiedCover(pool.candidates, epsilon, delta, opts);
  const exact = certifiedCover(pool.candidates, epsilon, delta, { ...opts, method: 'exact' });
  // Baselines are searched at least up to PALM's size, so "> limit" still compares.
  const limit = Math.max(MAX_K, greedy.selected.length);
  const ok = (selected: number[]): boolean =>
    (certify(selected.map((i) => pool.candidates[i] ?? []), pool.candidates, { ...opts, epsilon }).paired?.delta ?? Infinity) <= delta + 1e-12;
  return {
    pool: pool.name,
    palmGreedy: greedy.certified ? greedy.selected.length : null,
    palmExact: exact.certified ? exact.selected.length : null,
    // Proven minimum among certified portfolios: the lower bound meets the size found.
    exactProven: exact.certified && exact.sizeLowerBound === exact.selected.length,
    lowerBound: exact.sizeLowerBound,
    uniform: smallestK(limit, (k) => ok(uniformPortfolio(pool.candidates, k).selected)),
    random: smallestK(limit, (k) => ok(randomPortfolio(pool.candidates, k, 1000 + k).selected)),
    limit,
    palmConservativeDelta:
      certify(greedy.selected.map((i) => pool.candidates[i] ?? []), pool.candidates, { ...opts, epsilon, stderr: pool.stderr })
        .conservative?.paired?.delta ?? Number.NaN,
  };
}

function smallestK(limit: number, ok: (k: number) => boolean): number | null {
  for (let k = 1; k <= limit; k++) if (ok(k)) return k;
  return null;
}

