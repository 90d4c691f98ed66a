import { memo } from 'react';
import type { Conversation } from '../../../shared/schemas/chat.schema';
import { ConversationItem } from './conversation-item';

interface Props {
  conversations: Conversation[];
  activeId: string | null;
  error: string | null;
  onNew: () => void;
  onSelect: (id: string) => void;
  onRename: (id: string, title: string) => Promise<boolean>;
  onDelete: (id: string) => Promise<boolean>;
}

/** The sidebar: a new-chat button and the conversations, most recent first. Memoized: it need not re-render per streamed token. */
export const ConversationList = memo(function ConversationList({ conversations, activeId, error, onNew, onSelect, onRename, onDelete }: Props) {
  return (
    <nav className="conversation-list" aria-label="Conversations">
      <div className="conversation-list__top">
        <span className="brand">
          PALM <span className="brand__accent">Chat</span>
        </span>
        <button type="button" className="button button--primary" data-testid="new-chat" onClick={onNew}>
          + New chat
        </button>
      </div>
      {error ? (
        <p className="conversation-list__error" role="alert">
          {error}
        </p>
      ) : null}
      {conversations.length === 0 ? (
        <p className="conversation-list__empty">No conversations yet.</p>
      ) : (
        <ul className="conversation-list__items">
          {conversations.map((c) => (
            <ConversationItem
              key={c.id}
              conversation={c}
              active={c.id === activeId}
              onSelect={() => onSelect(c.id)}
              onRename={(title) => onRename(c.id, title)}
              onDelete={() => onDelete(c.id)}
            />
          ))}
        </ul>
      )}
    </nav>
  );
});
