/** The objectives users weigh with their sliders, in the fixed order of every weight and reward vector. */
export const TRAITS = ['safety', 'humor', 'brevity'] as const;
export type Trait = (typeof TRAITS)[number];
export const TRAIT_COUNT = TRAITS.length;
