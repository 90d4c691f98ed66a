import type { BuildResult } from '../../server/portfolio/build-pipeline';
import { TRAITS } from '../../shared/traits';

const f3 = (x: number): string => x.toFixed(3);

/** The end-of-build summary: members, measured gaps beside the predicted bounds, and cache use. */
export function formatBuildReport(result: BuildResult, targets: { epsilon: number; delta: number }): string {
  const c = result.certificate;
  const t = result.trainGaps;
  const lines = [
    `Portfolio version ${result.versionId}${result.activated ? ' (active)' : ' (saved, not activated)'}: ${result.members.length} of ${result.candidates} candidates, ${result.gridSize} grid points`,
    selectionLine(result),
    ...verdictLines(result, targets),
    ...flatRewardWarnings(result),
    '',
    ...memberTable(result),
    '',
    'Gaps (worst ε with δ = 0, worst δ with ε = 0; and the smallest δ that pairs with the target ε):',
    `  ${result.selection.mode === 'budget' ? 'target (unused by budget)    ' : 'set-cover target             '} ε ${f3(targets.epsilon)}  δ ${f3(targets.delta)}`,
    `  train estimates, simplex      ε ${f3(result.selection.train.epsilon)}  δ ${f3(result.selection.train.delta)}  δ@ε ${f3(result.selection.train.pairedDelta)}  (selection's certificate)`,
    `  train estimates, grid         ε ${f3(t.epsilon)}  δ ${f3(t.delta)}  δ@ε ${f3(t.deltaAtTargetEpsilon)}`,
    `  eval estimates, simplex       ε ${f3(c.epsilon)}  δ ${f3(c.delta)}${c.deltaAtTargetEpsilon === null ? '' : `  δ@ε ${f3(c.deltaAtTargetEpsilon)}`}  (${c.exact ? 'exact' : `lattice bound, margin ${f3(c.margin)}`}, ${c.certifiedPoints} points)`,
    c.conservative ? `  eval, conservative (95% CI)   ε ${f3(c.conservative.epsilon)}  δ ${f3(c.conservative.delta)}` : '  eval, conservative            n/a (no standard errors)',
    `  predicted (seed statement)    ε ≤ ${f3(c.predicted.epsilonBound)}  δ ≤ ${f3(c.predicted.deltaBound)}  size ≤ ${Math.floor(c.predicted.sizeBound)} policies`,
    `  worst ε at w = ${point(c.worstEpsilonAt)}, worst δ at w = ${point(c.worstDeltaAt)} (safety, humor, brevity)`,
    ...metricsLines(result),
    '',
    ...tradeoffTable(result),
    '',
    `Generations: ${result.generations.fresh} new, ${result.generations.cached} cached. Reward scores: ${result.scores.scored} new, ${result.scores.cached} cached.`,
    `Elapsed: ${(result.elapsedMs / 1000).toFixed(1)} s (build job ${result.jobId})`,
  ];
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

/** The answer to "did it work?", in words, before the numbers. */
function verdictLines(result: BuildResult, targets: { epsilon: number; delta: number }): string[] {
  const share = `${Math.round((1 - targets.epsilon) * 100)}% of the best candidate's value minus ${f3(targets.delta)}`;
  const evalPaired = result.certificate.deltaAtTargetEpsilon;
  const onEval =
    evalPaired === null
      ? ''
      : evalPaired <= targets.delta + 1e-9
        ? ` On the held-out eval prompts it holds too (δ@ε ${f3(evalPaired)}).`
        : ` On the held-out eval prompts δ@ε is ${f3(evalPaired)}, above the target: the reward estimates are noisy (see the conservative line); more prompts or samples tighten them.`;
  if (result.selection.mode === 'budget') return [`Budget mode keeps ${result.selection.budget} policies; it minimizes the worst gap instead of meeting a target.${onEval}`];
  const met = result.selection.certified;
  return [
    `Target ${met ? 'MET' : 'NOT MET'} on the train estimates over the whole simplex: every slider setting ${met ? 'gets' : 'should get'} at least ${share} (δ@ε ${f3(result.selection.train.pairedDelta)}).${onEval}`,
  ];
}

/** A reward that scores every candidate alike cannot steer routing: say so instead of letting its sliders look broken. */
function flatRewardWarnings(result: BuildResult): string[] {
  return TRAITS.flatMap((trait, i) => {
    const values = result.trainEstimates.map((e) => e.mean[i] ?? 0);
    const spread = Math.max(...values) - Math.min(...values);
    return spread < 0.01
      ? [`Note: ${trait} scores every candidate alike (spread ${f3(spread)} on train), so the ${trait} slider cannot change which policy serves; the model or the reward does not tell the candidates apart.`]
      : [];
  });
}

function selectionLine(result: BuildResult): string {
  const s = result.selection;
  const from = `${result.gridWinners} distinct grid-point winners on train; selection over all ${result.candidates} candidates and ${s.universePoints} points (grid + simplex sample)`;
  if (s.mode === 'budget') return `(${from}: budget mode, best ${s.budget} by worst gap${s.optimal ? ', proven optimal' : ''})`;
  const proof = s.mode === 'exact' ? (s.optimal ? ', proven minimum' : ', not proven minimum') : '';
  const refined = s.refined ? ', re-picked at that size by budget mode for a smaller worst gap' : '';
  return `(${from}: ${s.mode} certified cover${proof}${refined}, ${s.certified ? 'certified' : 'NOT certified'} over the simplex on train)`;
}

/** k → worst gaps on the train estimates over the selection's points: what another portfolio size would cost. */
function tradeoffTable(result: BuildResult): string[] {
  const rows = result.selection.tradeoff.map((t) => `  ${String(t.k).padStart(2)}  ${f3(t.worstEpsilon)}  ${f3(t.worstDelta)}${t.exact ? '' : '  (heuristic)'}`);
  return [
    'Trade-off (budget mode on train point estimates, grid + simplex sample): k → worst ε, worst δ',
    '(the cover keeps its own set of a given size when the budget set is no better under confidence bounds)',
    '   k      ε      δ',
    ...rows,
  ];
}

function memberTable(result: BuildResult): string[] {
  const header = ['policy', 'id', ...TRAITS.map((t) => `${t} (eval ± se)`), 'grid pts served'];
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

/** Is the portfolio as big in effect as in count? Usage spread and answer diversity. */
function metricsLines(result: BuildResult): string[] {
  const m = result.certificate.metrics;
  if (!m) return [];
  const shares = m.usage.map((u) => `${Math.round(u * 100)}%`).join(' / ');
  return [
    '',
    `Usage by users spread uniformly over the sliders: perplexity ${m.usagePerplexity.toFixed(2)} of ${m.usage.length} member(s) (shares ${shares}).`,
    `Answer diversity across members on the eval prompts: distinct-2 ${m.distinct2.toFixed(3)} (1 = no bigram repeated between members' answers).`,
  ];
}

function point(w: readonly number[]): string {
  return `(${w.map((x) => x.toFixed(2)).join(', ')})`;
}
