import { eq } from 'drizzle-orm';
import { createRouter, type RouteDecision } from '../../shared/palm/routing';
import type { PolicySpec } from '../../shared/schemas/policy.schema';
import type { RoutingInfo } from '../../shared/schemas/routing.schema';
import { slidersToWeights, type Sliders } from '../../shared/schemas/sliders.schema';
import type { Db } from '../db/client';
import { portfolioVersions } from '../db/schema';
import { basePolicy } from '../portfolio/base-policy';
import { loadActivePortfolio, type LoadedPortfolio } from '../portfolio/portfolio.store';

export interface RouteResult {
  policy: PolicySpec;
  routing: RoutingInfo;
}

interface CachedPortfolio {
  portfolio: LoadedPortfolio;
  members: LoadedPortfolio['candidates'];
  /** Built once per loaded version: the engine's search index lives in this closure. */
  decide: ((weights: readonly number[]) => RouteDecision) | null;
}

/**
 * Picks the serving policy for a user's sliders: the active portfolio's best member, or the
 * base policy when none is active. The portfolio and its router (createRouter: validated and
 * indexed once) are cached and rebuilt only when the active version id changes (one indexed
 * lookup per send), since the offline build may activate a new version while the server runs.
 */
export class PolicyRouter {
  private cached: CachedPortfolio | null = null;

  constructor(
    private readonly db: Db,
    private readonly baseModel: string,
  ) {}

  active(): LoadedPortfolio | null {
    return this.current()?.portfolio ?? null;
  }

  route(sliders: Sliders): RouteResult {
    const weights = slidersToWeights(sliders);
    const current = this.current();
    if (!current?.decide) return this.base(weights);
    const { portfolio, members } = current;
    const decision = current.decide(weights);
    const chosen = members[decision.member];
    if (!chosen) throw new RangeError(`routing chose member ${decision.member} of ${members.length}`);
    return {
      policy: chosen.policy,
      routing: {
        policyId: chosen.policy.id,
        policyName: chosen.policy.name,
        portfolioVersion: portfolio.version,
        weights,
        value: decision.value,
        bestValue: decision.bestValue,
        relativeValue: decision.relativeValue,
        isBasePolicy: false,
      },
    };
  }

  private current(): CachedPortfolio | null {
    const row = this.db.select({ id: portfolioVersions.id }).from(portfolioVersions).where(eq(portfolioVersions.status, 'active')).get();
    if (!row) {
      this.cached = null;
    } else if (this.cached?.portfolio.version !== row.id) {
      const portfolio = loadActivePortfolio(this.db);
      this.cached = portfolio ? prepare(portfolio) : null;
    }
    return this.cached;
  }

  private base(weights: number[]): RouteResult {
    const policy = basePolicy(this.baseModel);
    return {
      policy,
      routing: {
        policyId: policy.id,
        policyName: policy.name,
        portfolioVersion: null,
        weights,
        value: 0,
        bestValue: 0,
        relativeValue: 1,
        isBasePolicy: true,
      },
    };
  }
}

function prepare(portfolio: LoadedPortfolio): CachedPortfolio {
  const members = portfolio.candidates.filter((c) => c.selected);
  const decide = members.length > 0 ? createRouter(members.map((m) => m.rewards), portfolio.candidates.map((c) => c.rewards)) : null;
  return { portfolio, members, decide };
}
