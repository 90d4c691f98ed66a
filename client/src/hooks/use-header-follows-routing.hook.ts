import { useEffect } from 'react';
import type { Message } from '../../../shared/schemas/chat.schema';
import type { ServerInfo } from './use-server-info.hook';

/**
 * The offline build can activate a new portfolio while the page is open. An answer routed by
 * another version than the header shows is the cue to reload the header's server info.
 */
export function useHeaderFollowsRouting(
  messages: readonly Message[],
  server: { info: ServerInfo | null; refresh: () => Promise<void> },
): void {
  const latest = messages.findLast((m) => m.role === 'assistant' && m.routing !== null)?.routing ?? null;
  const routedBy = latest?.portfolioVersion;
  const shown = server.info === null ? undefined : (server.info.portfolio?.version ?? null);
  const { refresh } = server;
  useEffect(() => {
    if (routedBy !== undefined && shown !== undefined && routedBy !== shown) void refresh();
  }, [routedBy, shown, refresh]);
}
