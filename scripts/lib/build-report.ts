import type { BuildResult } from '../../server/portfolio/build-pipeline';
import { TRAITS } from '../../shared/traits';

const f3 = (x: number): string => x.toFixed(3);

/** The end-of-build summary: members, measured gaps beside the predicted bounds, and cache use. */
export function formatBuildReport(result: BuildResult, targets: { epsilon: number; delta: number }): string {
  const c = result.certificate;
  const t = result.trainGaps;
  const lines = [
    `Portfolio version ${result.versionId}${result.activated ? ' (active)' : ' (saved, not activated)'}: ${result.members.length} of ${result.candidates} candidates, ${result.gridSize} grid points`,
    `(${result.gridWinners} distinct grid-point winners on train, pruned by greedy set cover to ${result.members.length})`,
    '',
    ...memberTable(result),
    '',
    'Gaps (worst ε with δ = 0, worst δ with ε = 0; and the smallest δ that pairs with the target ε):',
    `  set-cover target              ε ${f3(targets.epsilon)}  δ ${f3(targets.delta)}`,
    `  train estimates, grid         ε ${f3(t.epsilon)}  δ ${f3(t.delta)}  δ@ε ${f3(t.deltaAtTargetEpsilon)}`,
    `  eval estimates, simplex       ε ${f3(c.epsilon)}  δ ${f3(c.delta)}${c.deltaAtTargetEpsilon === null ? '' : `  δ@ε ${f3(c.deltaAtTargetEpsilon)}`}  (${c.exact ? 'exact' : `lattice bound, margin ${f3(c.margin)}`}, ${c.certifiedPoints} points)`,
    c.conservative ? `  eval, conservative (95% CI)   ε ${f3(c.conservative.epsilon)}  δ ${f3(c.conservative.delta)}` : '  eval, conservative            n/a (no standard errors)',
    `  predicted (seed statement)    ε ≤ ${f3(c.predicted.epsilonBound)}  δ ≤ ${f3(c.predicted.deltaBound)}  size ≤ ${c.predicted.sizeBound.toFixed(1)}`,
    `  worst ε at w = ${point(c.worstEpsilonAt)}, worst δ at w = ${point(c.worstDeltaAt)} (safety, humor, brevity)`,
    '',
    `Generations: ${result.generations.fresh} new, ${result.generations.cached} cached. Reward scores: ${result.scores.scored} new, ${result.scores.cached} cached.`,
    `Elapsed: ${(result.elapsedMs / 1000).toFixed(1)} s (build job ${result.jobId})`,
  ];
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

function memberTable(result: BuildResult): string[] {
  const header = ['policy', 'id', ...TRAITS.map((t) => `${t} (eval ± se)`), 'grid pts'];
  const rows = result.members.map((m) => [
    m.policy.name,
    m.policy.id,
    ...TRAITS.map((_, i) => `${f3(m.rewards[i] ?? 0)} ± ${f3(m.stderr[i] ?? 0)}`),
    String(m.coveredGridPoints),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
}

function point(w: readonly number[]): string {
  return `(${w.map((x) => x.toFixed(2)).join(', ')})`;
}
