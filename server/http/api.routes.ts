import { Router } from 'express';
import type { PortfolioSummary } from '../../shared/schemas/portfolio.schema';
import type { BackendInfo } from '../../shared/schemas/server-info.schema';
import type { LlmBackend } from '../llm/llm.types';
import { toPortfolioSummary } from '../portfolio/portfolio.store';
import type { PolicyRouter } from '../routing/router';

export interface HealthResponse {
  status: 'ok';
  backend: BackendInfo;
  /** The active portfolio version, or null when the base policy serves. */
  portfolioVersion: number | null;
}

export function apiRoutes(deps: { llm: LlmBackend; router: PolicyRouter }): Router {
  const api = Router();
  api.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok', backend: deps.llm.info, portfolioVersion: deps.router.active()?.version ?? null };
    res.json(body);
  });
  api.get('/portfolio/active', (_req, res) => {
    const active = deps.router.active();
    const body: PortfolioSummary | null = active ? toPortfolioSummary(active) : null;
    res.json(body);
  });
  return api;
}
