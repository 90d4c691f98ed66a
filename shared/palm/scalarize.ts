/** J_w(π) = w · R(π). Throws on mismatched lengths or a non-finite result (NaN input). */
export function scalarize(weights: readonly number[], rewards: readonly number[]): number {
  if (weights.length !== rewards.length)
    throw new RangeError(`weights have ${weights.length} components but rewards have ${rewards.length}`);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (weights[i] ?? 0) * (rewards[i] ?? 0);
  if (!Number.isFinite(total)) throw new RangeError(`J_w is not finite for weights [${weights.join(', ')}] and rewards [${rewards.join(', ')}]`);
  return total;
}

/** OPT(w): the best value any candidate reaches at w, with the first candidate reaching it. */
export function bestCandidate(weights: readonly number[], candidates: readonly (readonly number[])[]): { index: number; value: number } {
  if (candidates.length === 0) throw new RangeError('cannot pick the best of an empty candidate set');
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
  for (const [name, x] of [['value', value], ['OPT', opt], ['ε', epsilon], ['δ', delta]] as const)
    if (!Number.isFinite(x)) throw new RangeError(`${name} must be a finite number, got ${x}`);
  return value >= (1 - epsilon) * opt - delta - 1e-12;
}
