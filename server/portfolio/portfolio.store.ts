import { desc, eq, sql } from 'drizzle-orm';
import { policySpecSchema, type PolicySpec } from '../../shared/schemas/policy.schema';
import {
  certificateSchema,
  portfolioParamsSchema,
  type Certificate,
  type PortfolioParams,
  type PortfolioSummary,
} from '../../shared/schemas/portfolio.schema';
import { immediate, type Db } from '../db/client';
import { policies, portfolioCandidates, portfolioVersions } from '../db/schema';

export interface CandidateRecord {
  policy: PolicySpec;
  /** Mean reward per trait (TRAITS order) and its standard error. */
  rewards: number[];
  stderr: number[];
  samples: number;
  selected: boolean;
  coveredGridPoints: number;
}

export interface LoadedPortfolio {
  version: number;
  status: PortfolioSummary['status'];
  params: PortfolioParams;
  certificate: Certificate | null;
  createdAt: number;
  activatedAt: number | null;
  /** Every candidate the version was built from; `selected` marks the members. */
  candidates: CandidateRecord[];
}

export class PortfolioStoreError extends Error {
  override name = 'PortfolioStoreError';
}

/** Persists a built version in one transaction; with `activate`, it replaces the active one atomically. */
export function savePortfolioVersion(
  db: Db,
  input: { params: PortfolioParams; certificate: Certificate | null; candidates: CandidateRecord[]; activate: boolean },
): number {
  if (!input.candidates.some((c) => c.selected)) throw new PortfolioStoreError('a portfolio needs at least one selected policy');
  return immediate(db, () => {
    const row = db
      .insert(portfolioVersions)
      .values({ status: 'ready', params: input.params, certificate: input.certificate })
      .returning({ id: portfolioVersions.id })
      .get();
    for (const c of input.candidates) {
      db.insert(policies).values({ id: c.policy.id, spec: c.policy, origin: c.policy.origin }).onConflictDoNothing().run();
      db.insert(portfolioCandidates)
        .values({ versionId: row.id, policyId: c.policy.id, rewards: c.rewards, stderr: c.stderr, samples: c.samples, selected: c.selected, coveredGridPoints: c.coveredGridPoints })
        .run();
    }
    if (input.activate) setActive(db, row.id);
    return row.id;
  });
}

/** Makes `version` the active portfolio (the previous active one is retired, kept for rollback). */
export function activatePortfolioVersion(db: Db, version: number): void {
  immediate(db, () => {
    const row = db.select().from(portfolioVersions).where(eq(portfolioVersions.id, version)).get();
    if (!row) throw new PortfolioStoreError(`portfolio version ${version} does not exist`);
    if (row.status === 'building' || row.status === 'failed')
      throw new PortfolioStoreError(`portfolio version ${version} is ${row.status} and cannot be activated`);
    setActive(db, version);
  });
}

function setActive(db: Db, version: number): void {
  db.update(portfolioVersions).set({ status: 'retired' }).where(eq(portfolioVersions.status, 'active')).run();
  db.update(portfolioVersions).set({ status: 'active', activatedAt: Date.now() }).where(eq(portfolioVersions.id, version)).run();
}

export function loadActivePortfolio(db: Db): LoadedPortfolio | null {
  const row = db.select().from(portfolioVersions).where(eq(portfolioVersions.status, 'active')).get();
  return row ? loadPortfolio(db, row.id) : null;
}

export function loadPortfolio(db: Db, version: number): LoadedPortfolio | null {
  const row = db.select().from(portfolioVersions).where(eq(portfolioVersions.id, version)).get();
  if (!row) return null;
  const rows = db
    .select()
    .from(portfolioCandidates)
    .innerJoin(policies, eq(policies.id, portfolioCandidates.policyId))
    .where(eq(portfolioCandidates.versionId, version))
    .all();
  return {
    version: row.id,
    status: row.status,
    params: portfolioParamsSchema.parse(row.params),
    certificate: row.certificate === null ? null : certificateSchema.parse(row.certificate),
    createdAt: row.createdAt,
    activatedAt: row.activatedAt,
    candidates: rows.map(({ portfolio_candidates: c, policies: p }) => ({
      policy: policySpecSchema.parse(p.spec),
      rewards: numbers(c.rewards),
      stderr: numbers(c.stderr),
      samples: c.samples,
      selected: c.selected,
      coveredGridPoints: c.coveredGridPoints,
    })),
  };
}

export interface PortfolioVersionRow {
  version: number;
  status: PortfolioSummary['status'];
  createdAt: number;
  activatedAt: number | null;
  certificate: Certificate | null;
  memberCount: number;
  candidateCount: number;
}

/** Every version, newest first, with its member and candidate counts: one query, no per-version load. */
export function listPortfolioVersions(db: Db): PortfolioVersionRow[] {
  return db
    .select({
      version: portfolioVersions.id,
      status: portfolioVersions.status,
      createdAt: portfolioVersions.createdAt,
      activatedAt: portfolioVersions.activatedAt,
      certificate: portfolioVersions.certificate,
      memberCount: sql<number>`coalesce(sum(${portfolioCandidates.selected}), 0)`,
      candidateCount: sql<number>`count(${portfolioCandidates.versionId})`,
    })
    .from(portfolioVersions)
    .leftJoin(portfolioCandidates, eq(portfolioCandidates.versionId, portfolioVersions.id))
    .groupBy(portfolioVersions.id)
    .orderBy(desc(portfolioVersions.id))
    .all()
    .map((row) => ({ ...row, certificate: row.certificate === null ? null : certificateSchema.parse(row.certificate) }));
}

export function toPortfolioSummary(p: LoadedPortfolio): PortfolioSummary {
  return {
    version: p.version,
    status: p.status,
    createdAt: p.createdAt,
    activatedAt: p.activatedAt,
    params: p.params,
    certificate: p.certificate,
    members: p.candidates
      .filter((c) => c.selected)
      .map((c) => ({ policy: c.policy, rewards: c.rewards, stderr: c.stderr, coveredGridPoints: c.coveredGridPoints })),
    candidateCount: p.candidates.length,
  };
}

function numbers(value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'number')) throw new PortfolioStoreError('corrupt reward vector in the database');
  return value;
}
