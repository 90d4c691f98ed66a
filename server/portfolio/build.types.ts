import type { PolicySpec } from '../../shared/schemas/policy.schema';
import type { PortfolioCertificate } from './certify-portfolio';
import type { RewardEstimate } from './estimate';
import type { PolicySpaceOptions } from './policy-space';
import type { GridGaps, Selection } from './select';
import type { PromptSet } from './prompt-set.loader';

export interface BuildOptions {
  /** Grid parameters (DESIGN §3): geometric ratio µ > 0 and cutoff α ∈ (0, 1). */
  mu: number;
  alpha: number;
  /** Set-cover tolerance: π covers w when J_w(π) ≥ (1 − ε)·OPT(w) − δ. */
  epsilon: number;
  delta: number;
  /** Cover method (default greedy; exact = minimum cover); budget = k selects the best k by worst gap instead. */
  selection?: 'greedy' | 'exact';
  budget?: number;
  /** Answers per (policy, prompt), each with its own fixed seed 1..samples. */
  samples: number;
  prompts: PromptSet;
  /** Use only the first n prompts of a split (spread over categories); all when absent. */
  trainLimit?: number;
  evalLimit?: number;
  /** The candidate space; the base model comes from the backend. */
  space: Omit<PolicySpaceOptions, 'baseModel'>;
  /** Concurrent generations: the backend's parallelism. */
  concurrency: number;
  activate: boolean;
  signal?: AbortSignal;
}

export type BuildPhase = 'generate-train' | 'select' | 'generate-eval' | 'certify' | 'save';

export type BuildProgress =
  | { type: 'phase'; phase: BuildPhase; message: string }
  | { type: 'generations'; done: number; total: number; fresh: number; cached: number };

export interface MemberReport {
  policy: PolicySpec;
  /** Eval-prompt mean reward per trait (TRAITS order) and standard errors. */
  rewards: number[];
  stderr: number[];
  /** Train-prompt means, on which the member was selected. */
  trainRewards: number[];
  /** Grid points this member serves (routing picks it there). */
  coveredGridPoints: number;
}

export interface BuildResult {
  versionId: number;
  jobId: number;
  activated: boolean;
  members: MemberReport[];
  candidates: number;
  gridSize: number;
  /** Distinct candidates that are the best for some grid point (one policy per grid point). */
  gridWinners: number;
  /** Which mode ran (members index trainEstimates), its train certificate over the simplex, the trade-off curve. */
  selection: Selection;
  /** Train-prompt estimates of every compared candidate (selection ran on these). */
  trainEstimates: RewardEstimate[];
  /** Worst gaps over the grid on the train estimates. */
  trainGaps: GridGaps;
  /** Over the whole simplex on the eval estimates, with the predicted bounds. */
  certificate: PortfolioCertificate;
  generations: { fresh: number; cached: number };
  scores: { scored: number; cached: number };
  elapsedMs: number;
}
