/** J_w(π) = w · R(π). */
export function scalarize(weights: readonly number[], rewards: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (weights[i] ?? 0) * (rewards[i] ?? 0);
  return total;
}

/** OPT(w): the best value any candidate reaches at w, with the index of a candidate reaching it. */
export function bestCandidate(weights: readonly number[], candidates: readonly (readonly number[])[]): { index: number; value: number } {
  let index = -1;
  let value = -Infinity;
  candidates.forEach((rewards, i) => {
    const v = scalarize(weights, rewards);
    if (v > value) {
      value = v;
      index = i;
    }
  });
  return { index, value };
}

/** True when a value is within (ε, δ) of OPT: v ≥ (1 − ε)·OPT − δ (with a float tolerance). */
export function withinGap(value: number, opt: number, epsilon: number, delta: number): boolean {
  return value >= (1 - epsilon) * opt - delta - 1e-12;
}
