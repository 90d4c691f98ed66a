import { useState, type FormEvent } from 'react';
import { MAX_TITLE_CHARS, type Conversation } from '../../../shared/schemas/chat.schema';
import { shortTime } from '../lib/format';

interface Props {
  conversation: Conversation;
  active: boolean;
  onSelect: () => void;
  onRename: (title: string) => Promise<boolean>;
  onDelete: () => Promise<boolean>;
}

/** A sidebar row with inline rename and a delete that asks for confirmation first. */
export function ConversationItem({ conversation, active, onSelect, onRename, onDelete }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const toView = () => setMode('view');

  if (mode === 'rename') {
    return (
      <li className="conversation conversation--editing">
        <RenameForm conversation={conversation} onRename={onRename} onDone={toView} />
      </li>
    );
  }
  return (
    <li className={`conversation ${active ? 'conversation--active' : ''}`} data-testid="conversation-item">
      <button type="button" className="conversation__select" aria-current={active ? 'page' : undefined} onClick={onSelect}>
        <span className="conversation__title">{conversation.title}</span>
        <span className="conversation__time">{shortTime(conversation.updatedAt)}</span>
      </button>
      {mode === 'confirm-delete' ? (
        <div className="conversation__confirm" role="group" aria-label="Confirm delete">
          <span>Delete this chat?</span>
          <button type="button" className="button button--small button--danger" onClick={() => void onDelete()}>
            Delete
          </button>
          <button type="button" className="button button--small" onClick={toView}>
            Keep
          </button>
        </div>
      ) : (
        <div className="conversation__actions">
          <button type="button" className="button button--small button--ghost" onClick={() => setMode('rename')}>
            Rename
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

interface RenameProps {
  conversation: Conversation;
  onRename: (title: string) => Promise<boolean>;
  onDone: () => void;
}

/** Enter saves, Escape cancels; a failed rename stays open (the list shows the server's error). */
function RenameForm({ conversation, onRename, onDone }: RenameProps) {
  const [title, setTitle] = useState(conversation.title);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '' || trimmed === conversation.title) return onDone();
    if (await onRename(trimmed)) onDone();
  };
  return (
    <form className="conversation__rename" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={`rename-${conversation.id}`}>
        New title
      </label>
      <input
        id={`rename-${conversation.id}`}
        data-testid="rename-input"
        value={title}
        maxLength={MAX_TITLE_CHARS}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onDone()}
      />
      <button type="submit" className="button button--small button--primary">
        Save
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
