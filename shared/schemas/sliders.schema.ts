import { z } from 'zod';
import { TRAITS, type Trait } from '../traits';

const sliderValue = z
  .number({ error: 'must be a number' })
  .finite('must be finite')
  .min(0, 'must be at least 0')
  .max(1, 'must be at most 1');

/** Raw slider positions in [0, 1], one per trait. */
export const slidersSchema = z.strictObject({
  safety: sliderValue,
  humor: sliderValue,
  brevity: sliderValue,
});
export type Sliders = z.infer<typeof slidersSchema>;

export const DEFAULT_SLIDERS: Sliders = { safety: 0.5, humor: 0.5, brevity: 0.5 };

/** Sliders → a point of the simplex in TRAITS order; all-zero sliders mean uniform weights. */
export function slidersToWeights(sliders: Sliders): number[] {
  const raw = TRAITS.map((t: Trait) => sliders[t]);
  const sum = raw.reduce((a, b) => a + b, 0);
  if (sum === 0) return raw.map(() => 1 / raw.length);
  return raw.map((v) => v / sum);
}
