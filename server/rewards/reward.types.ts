import type { Trait } from '../../shared/traits';

export interface RewardInput {
  prompt: string;
  response: string;
}

/**
 * A reward function for one trait, normalized to [0, 1] (higher is better).
 * `id` + `version` key the reward cache: bump the version whenever scores would change.
 * A score of null means "could not be scored" (a judge failure) and is never read as 0.
 */
export interface RewardFunction {
  readonly trait: Trait;
  readonly id: string;
  readonly version: number;
  score(batch: readonly RewardInput[]): Promise<Array<number | null>>;
}
