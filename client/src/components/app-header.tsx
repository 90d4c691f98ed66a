import type { ReactNode } from 'react';
import type { PortfolioSummary } from '../../../shared/schemas/portfolio.schema';
import type { ServerInfo } from '../hooks/use-server-info.hook';

function certificateNote(portfolio: PortfolioSummary | null): string {
  if (!portfolio) return 'No portfolio is active: every answer uses the base policy.';
  const c = portfolio.certificate;
  const members = portfolio.members.map((m) => m.policy.name).join(', ');
  return c ? `${members}\ncertified ε ${c.epsilon.toFixed(3)}, δ ${c.delta.toFixed(3)} over ${c.certifiedPoints} weight points` : members;
}

interface Props {
  title: string;
  info: ServerInfo | null;
  infoError: string | null;
  connected: boolean;
  onMenu: () => void;
  /** The signed-in account and its actions. */
  account?: ReactNode;
}

/** What serves the answers (backend, model, portfolio) and whether we are connected. */
export function AppHeader({ title, info, infoError, connected, onMenu, account }: Props) {
  const portfolio = info?.portfolio ?? null;
  return (
    <header className="app-header">
      <div className="app-header__bar">
        <button type="button" className="button button--ghost app-header__menu" onClick={onMenu}>
          Chats
        </button>
        <h1 className="app-header__title">{title}</h1>
        <div className="app-header__chips">
          {info ? (
            <span className="chip" data-testid="backend-info" title={info.backend.detail}>
              {info.backend.kind} · {info.backend.model}
            </span>
          ) : null}
          {info ? (
            <span className="chip" data-testid="portfolio-info" title={certificateNote(portfolio)}>
              {portfolio ? `portfolio v${portfolio.version} · ${portfolio.members.length} policies` : 'base policy — no portfolio active'}
            </span>
          ) : null}
          <span className={`chip chip--status ${connected ? 'chip--ok' : 'chip--warn'}`} role="status" data-testid="connection">
            {connected ? 'connected' : 'reconnecting…'}
          </span>
        </div>
        {account}
      </div>
      {info && !info.backend.chatTuned ? (
        <p className="banner banner--warn" role="note" data-testid="demo-warning">
          <strong>Demo model.</strong> {info.backend.model} is not chat-tuned: it continues your text instead of
          answering it. Point the server at Ollama or a chat GGUF for real answers.
        </p>
      ) : null}
      {infoError ? (
        <p className="banner banner--error" role="alert">
          Could not load server info: {infoError}
        </p>
      ) : null}
    </header>
  );
}
