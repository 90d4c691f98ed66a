import { TRAITS } from '../../../shared/traits';

export function percent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** "safety 0.33 · humor 0.33 · brevity 0.33", in TRAITS order like every weight vector. */
export function describeWeights(weights: readonly number[]): string {
  return TRAITS.map((trait, i) => `${trait} ${(weights[i] ?? 0).toFixed(2)}`).join(' · ');
}

export function shortTime(epochMs: number): string {
  const date = new Date(epochMs);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}
