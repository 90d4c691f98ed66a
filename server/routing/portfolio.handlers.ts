import { emptyPayloadSchema, handle, type AppSocket, type HandlerContext } from '../chat/socket-handler';
import type { LlmBackend } from '../llm/llm.types';
import { toPortfolioSummary } from '../portfolio/portfolio.store';
import type { PolicyRouter } from './router';

export function registerPortfolioHandlers(socket: AppSocket, deps: { router: PolicyRouter; llm: LlmBackend }, ctx: HandlerContext): void {
  socket.on(
    'portfolio:active',
    handle(
      'portfolio:active',
      emptyPayloadSchema,
      () => {
        const active = deps.router.active();
        return { portfolio: active ? toPortfolioSummary(active) : null, backend: deps.llm.info };
      },
      ctx,
    ),
  );
}
