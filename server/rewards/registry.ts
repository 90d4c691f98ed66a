import { TRAITS } from '../../shared/traits';
import type { Trait } from '../../shared/traits';
import { brevityReward } from './brevity.reward';
import { humorReward } from './humor.reward';
import type { RewardFunction } from './reward.types';
import { safetyReward } from './safety.reward';

const DEFAULT_BY_TRAIT: Record<Trait, RewardFunction> = {
  safety: safetyReward,
  humor: humorReward,
  brevity: brevityReward,
};

/** The default reward set, one per trait, in TRAITS order (the order of every reward vector). */
export const DEFAULT_REWARDS: readonly RewardFunction[] = TRAITS.map((trait) => DEFAULT_BY_TRAIT[trait]);

/** Scores a batch with every reward of the set: result[i][j] is reward j on item i (null = missing). */
export async function scoreAll(
  rewards: readonly RewardFunction[],
  batch: Parameters<RewardFunction['score']>[0],
): Promise<Array<Array<number | null>>> {
  const perReward = await Promise.all(rewards.map((reward) => reward.score(batch)));
  return batch.map((_, i) => perReward.map((scores) => scores[i] ?? null));
}
