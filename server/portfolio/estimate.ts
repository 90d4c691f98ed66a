import type { Sample } from './generate-answers';

/** A candidate's estimated reward vector R̂(π) on one prompt split. */
export interface RewardEstimate {
  policyId: string;
  /** Mean reward per trait (TRAITS order). */
  mean: number[];
  /** Standard error of each mean, over prompts. */
  stderr: number[];
  /** Prompts that contributed at least one score, per trait. */
  prompts: number[];
  /** Answers generated for this candidate. */
  samples: number;
}

/**
 * Mean and standard error per trait for every policy. Missing scores (null) are left out, never
 * read as 0. Seeds of one prompt are averaged first and the standard error is taken over
 * prompts: answers to one prompt are correlated, so treating them as independent would
 * understate the error.
 */
export function estimateRewards(samples: readonly Sample[], scores: ReadonlyArray<ReadonlyArray<number | null>>, d: number): RewardEstimate[] {
  const byPolicy = new Map<string, Map<string, number[]>>();
  samples.forEach((s, i) => {
    const prompts = byPolicy.get(s.policyId) ?? new Map<string, number[]>();
    byPolicy.set(s.policyId, prompts);
    const list = prompts.get(s.promptId) ?? [];
    prompts.set(s.promptId, [...list, i]);
  });
  return [...byPolicy.entries()].map(([policyId, prompts]) => {
    const perTrait = Array.from({ length: d }, (_, t) => promptMeans([...prompts.values()], scores, t));
    return {
      policyId,
      mean: perTrait.map(mean),
      stderr: perTrait.map(standardError),
      prompts: perTrait.map((xs) => xs.length),
      samples: [...prompts.values()].reduce((n, idx) => n + idx.length, 0),
    };
  });
}

/** One mean per prompt over its scored answers; prompts with no score for the trait drop out. */
function promptMeans(groups: readonly number[][], scores: ReadonlyArray<ReadonlyArray<number | null>>, trait: number): number[] {
  return groups.flatMap((indices) => {
    const values = indices.flatMap((i) => {
      const v = scores[i]?.[trait];
      return v === null || v === undefined ? [] : [v];
    });
    return values.length === 0 ? [] : [mean(values)];
  });
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation / √n; 0 for fewer than two values (no spread to measure). */
export function standardError(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  const variance = xs.reduce((acc, x) => acc + (x - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(variance / xs.length);
}
