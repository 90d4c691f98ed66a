import type { Db } from '../db/client';
import type { LlmBackend } from '../llm/llm.types';
import type { RewardFunction } from '../rewards/reward.types';
import { geometricGrid } from '../../shared/palm/grid';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import type { Certificate, PortfolioParams } from '../../shared/schemas/portfolio.schema';
import { TRAITS } from '../../shared/traits';
import { BuildJob } from './build-job';
import type { BuildOptions, BuildPhase, BuildProgress, BuildResult, MemberReport } from './build.types';
import { certifyPortfolio } from './certify-portfolio';
import type { RewardEstimate } from './estimate';
import { isComplete, measurePolicies, type MeasureContext, type Measurement } from './measure';
import { candidatePolicies } from './policy-space';
import { limitPrompts } from './prompt-set.loader';
import { savePortfolioVersion, type CandidateRecord } from './portfolio.store';
import { portfolioMetrics } from './portfolio-metrics';
import { gridGaps, selectPortfolio, type Selection } from './select';

export type { BuildOptions, BuildPhase, BuildProgress, BuildResult, MemberReport } from './build.types';

export interface BuildDeps {
  db: Db;
  llm: LlmBackend;
  /** One reward per trait, in TRAITS order. */
  rewards: readonly RewardFunction[];
  onProgress?: (event: BuildProgress) => void;
  now?: () => number;
}

export class BuildError extends Error {
  override name = 'BuildError';
}

/**
 * The offline PALM build (DESIGN §3): grid, candidates, answers on the train prompts, R̂,
 * selection over the whole simplex (certified cover or budget), re-evaluation on the eval prompts,
 * certification, and a new (optionally active) portfolio version. Every answer and score is
 * cached as soon as it exists, so an interrupted build resumes and a re-run is nearly free.
 * The build_jobs row records progress, a log and the outcome.
 */
export async function buildPortfolio(deps: BuildDeps, options: BuildOptions): Promise<BuildResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  assertRewardOrder(deps.rewards);
  const job = BuildJob.start(deps.db, now);
  try {
    const result = await runBuild(deps, options, job);
    job.succeed(result.versionId);
    return { ...result, jobId: job.id, elapsedMs: now() - started };
  } catch (error) {
    job.fail(error);
    throw error;
  }
}

type BuildCore = Omit<BuildResult, 'jobId' | 'elapsedMs'>;

async function runBuild(deps: BuildDeps, options: BuildOptions, job: BuildJob): Promise<BuildCore> {
  const say = narrator(deps, job);
  const grid = geometricGrid(TRAITS.length, options.mu, options.alpha);
  const policies = candidatePolicies({ ...options.space, baseModel: deps.llm.info.model });
  const train = limitPrompts(options.prompts.train, options.trainLimit);
  const evalSet = limitPrompts(options.prompts.eval, options.evalLimit);
  const total = policies.length * (train.length + evalSet.length) * options.samples;
  const ctx = measureContext(deps, options, job, total);
  say('generate-train', `${grid.length} grid points; ${policies.length} candidates × ${train.length} train prompts × ${options.samples} sample(s)`);
  const trainM = await ctx.measure(policies, train);
  const usable = keepComplete(policies, trainM, say);
  ctx.total = (policies.length * train.length + usable.length * evalSet.length) * options.samples;
  const trainEstimates = usable.map((p) => estimateOf(trainM, p));
  const trainR = trainEstimates.map((e) => e.mean);
  const trainSe = trainEstimates.map((e) => e.stderr);
  const selection = selectPortfolio(trainR, { ...options, method: options.selection, stderr: trainSe });
  say('select', selectionSummary(selection));
  say('generate-eval', `${selection.members.length} member(s) chosen on train; re-evaluating ${usable.length} candidates on ${evalSet.length} eval prompts`);
  const evalM = await ctx.measure(usable, evalSet);
  const records = candidateRecords(usable, evalM, selection, say);
  say('certify', 'certifying over the simplex');
  const chosen = records.filter((r) => r.selected);
  const metrics = portfolioMetrics(chosen.map((r) => r.rewards), chosen.map((r) => r.policy.id), evalM.samples);
  const certificate = { ...certifyRecords(records, options, grid.length), selection: storedSelection(selection), metrics };
  const params = buildParams(deps.llm, options, train.length, evalSet.length);
  const versionId = savePortfolioVersion(deps.db, { params, certificate, candidates: records, activate: options.activate });
  say('save', `saved portfolio version ${versionId}${options.activate ? ' (active)' : ''}`);
  return {
    versionId,
    activated: options.activate,
    members: memberReports(records, trainM),
    candidates: records.length,
    gridSize: grid.length,
    gridWinners: new Set(selection.bestPerPoint).size,
    selection,
    trainEstimates,
    trainGaps: gridGaps(selection.members.map((i) => trainR[i] ?? []), trainR, grid, options.epsilon),
    certificate,
    generations: { fresh: trainM.generations.fresh + evalM.generations.fresh, cached: trainM.generations.cached + evalM.generations.cached },
    scores: { scored: trainM.scores.scored + evalM.scores.scored, cached: trainM.scores.cached + evalM.scores.cached },
  };
}

function selectionSummary(s: Selection): string {
  const how = s.mode === 'budget' ? `budget k = ${s.budget}` : `${s.mode} certified cover${s.certified ? '' : ' (target not certified)'}`;
  return `selection: ${how} over ${s.universePoints} points; train certificate ε ${s.train.epsilon.toFixed(3)}, δ ${s.train.delta.toFixed(3)}`;
}

/** What the stored certificate says about the selection: its mode and the train-estimate gaps it was chosen on. */
function storedSelection(s: Selection): NonNullable<Certificate['selection']> {
  return {
    mode: s.mode,
    budget: s.budget,
    certified: s.certified,
    optimal: s.optimal,
    universePoints: s.universePoints,
    trainEpsilon: s.train.epsilon,
    trainDelta: s.train.delta,
    trainPairedDelta: s.train.pairedDelta,
  };
}

function narrator(deps: BuildDeps, job: BuildJob): (phase: BuildPhase, message: string) => void {
  return (phase, message) => {
    job.log(message);
    deps.onProgress?.({ type: 'phase', phase, message });
  };
}

/** Generation progress counts across both splits, so one bar covers the whole build (total shrinks if candidates drop out). */
function measureContext(deps: BuildDeps, options: BuildOptions, job: BuildJob, total: number) {
  const ctx = { total, measure };
  let before = { fresh: 0, cached: 0 };
  let last = before;
  const base: MeasureContext = {
    db: deps.db,
    llm: deps.llm,
    rewards: deps.rewards,
    modelKey: `${deps.llm.info.kind}:${deps.llm.info.model}`,
    seeds: Array.from({ length: options.samples }, (_, i) => i + 1),
    concurrency: options.concurrency,
    signal: options.signal,
    onTick: (tick) => {
      last = { fresh: before.fresh + tick.fresh, cached: before.cached + tick.cached };
      const done = last.fresh + last.cached;
      job.progress(ctx.total === 0 ? 1 : done / ctx.total);
      deps.onProgress?.({ type: 'generations', done, total: ctx.total, ...last });
    },
  };
  async function measure(policies: readonly PolicySpec[], prompts: Parameters<typeof measurePolicies>[2]): Promise<Measurement> {
    const m = await measurePolicies(base, policies, prompts);
    before = last;
    return m;
  }
  return ctx;
}

function estimateOf(m: Measurement, policy: PolicySpec): RewardEstimate {
  const e = m.estimates.find((x) => x.policyId === policy.id);
  if (!e) throw new BuildError(`no estimate for candidate ${policy.name}`);
  return e;
}

/** Candidates with a trait no answer could be scored on cannot be compared: drop them, say so. */
function keepComplete(policies: readonly PolicySpec[], m: Measurement, say: ReturnType<typeof narrator>): PolicySpec[] {
  const kept = policies.filter((p) => isComplete(estimateOf(m, p)));
  const dropped = policies.filter((p) => !kept.includes(p));
  if (dropped.length > 0) say('select', `dropped ${dropped.length} candidate(s) with a trait no answer could be scored on: ${dropped.map((p) => p.name).join(', ')}`);
  if (kept.length === 0) throw new BuildError('no candidate has a score for every trait: check the reward functions');
  return kept;
}

/**
 * The stored candidates, with eval estimates. A non-member with an unscored trait on the eval
 * prompts is left out (OPT would otherwise read the missing score as 0); a member cannot be.
 */
function candidateRecords(policies: readonly PolicySpec[], evalM: Measurement, selection: ReturnType<typeof selectPortfolio>, say: ReturnType<typeof narrator>): CandidateRecord[] {
  const records = policies.flatMap((policy, i) => {
    const e = estimateOf(evalM, policy);
    const slot = selection.members.indexOf(i);
    if (!isComplete(e)) {
      if (slot >= 0) throw new BuildError(`member ${policy.name} has a trait with no score on the eval prompts`);
      return [];
    }
    return [{
      policy,
      rewards: e.mean,
      stderr: e.stderr,
      samples: e.samples,
      selected: slot >= 0,
      coveredGridPoints: slot >= 0 ? (selection.coveredGridPoints[slot] ?? 0) : 0,
    }];
  });
  if (records.length < policies.length) say('certify', `left out ${policies.length - records.length} candidate(s) with a trait no eval answer could be scored on`);
  return records;
}

function certifyRecords(records: readonly CandidateRecord[], options: BuildOptions, gridPoints: number) {
  const members = records.filter((r) => r.selected);
  return certifyPortfolio(
    {
      members: members.map((r) => r.rewards),
      membersStderr: members.map((r) => r.stderr),
      candidates: records.map((r) => r.rewards),
      candidatesStderr: records.map((r) => r.stderr),
      mu: options.mu,
      alpha: options.alpha,
      gridPoints,
    },
    options.epsilon,
  );
}

function buildParams(llm: LlmBackend, options: BuildOptions, trainPrompts: number, evalPrompts: number): PortfolioParams {
  const { mu, alpha, epsilon, delta, samples } = options;
  return { mu, alpha, epsilon, delta, backend: llm.info.kind, model: llm.info.model, trainPrompts, evalPrompts, samplesPerPrompt: samples };
}

function memberReports(records: readonly CandidateRecord[], trainM: Measurement): MemberReport[] {
  return records
    .filter((r) => r.selected)
    .map((r) => ({ policy: r.policy, rewards: r.rewards, stderr: r.stderr, trainRewards: estimateOf(trainM, r.policy).mean, coveredGridPoints: r.coveredGridPoints }));
}

function assertRewardOrder(rewards: readonly RewardFunction[]): void {
  const traits = rewards.map((r) => r.trait);
  if (traits.length !== TRAITS.length || traits.some((t, i) => t !== TRAITS[i]))
    throw new BuildError(`rewards must be one per trait in the order ${TRAITS.join(', ')}; got ${traits.join(', ') || 'none'}`);
}
