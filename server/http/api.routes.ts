import type { PortfolioSummary } from '../../shared/schemas/portfolio.schema';
import type { BackendInfo } from '../../shared/schemas/server-info.schema';
import { emptyBodySchema } from '../../shared/schemas/auth.schema';
import type { LlmBackend } from '../llm/llm.types';
import { toPortfolioSummary } from '../portfolio/portfolio.store';
import type { PolicyRouter } from '../routing/router';
import type { routeMounter } from './route';

export interface HealthResponse {
  status: 'ok';
  backend: BackendInfo;
  /** The active portfolio version, or null when the base policy serves. */
  portfolioVersion: number | null;
}

export function apiRoutes(route: ReturnType<typeof routeMounter>, deps: { llm: LlmBackend; router: PolicyRouter }): void {
  // Public, for load balancers and uptime checks: nothing in it is secret.
  route.public('GET /health', emptyBodySchema, (): HealthResponse => ({ status: 'ok', backend: deps.llm.info, portfolioVersion: deps.router.active()?.version ?? null }));
  route.private('GET /portfolio/active', emptyBodySchema, (): PortfolioSummary | null => {
    const active = deps.router.active();
    return active ? toPortfolioSummary(active) : null;
  });
}
