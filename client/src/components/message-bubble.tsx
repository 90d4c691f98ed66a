import { memo } from 'react';
import type { Message } from '../../../shared/schemas/chat.schema';
import { MarkdownText } from './markdown-text';
import { PolicyBadge } from './policy-badge';

function StatusNote({ message }: { message: Message }) {
  switch (message.status) {
    case 'streaming':
      return <span className="message__status message__status--streaming">answering…</span>;
    case 'stopped':
      return <span className="message__status message__status--stopped">stopped</span>;
    case 'failed':
      return (
        <span className="message__status message__status--failed" role="status">
          failed: {message.error ?? 'unknown error'}
        </span>
      );
    case 'complete':
      // Without this note a cut answer ("…can help Jack p") reads as if the model had finished.
      return message.finishReason === 'length' ? (
        <span className="message__status message__status--truncated" data-testid="truncated-label">
          cut at the policy's length limit
        </span>
      ) : null;
  }
}

function EmptyText({ status }: { status: Message['status'] }) {
  if (status === 'streaming') return <span className="message__typing" aria-label="thinking" />;
  return <span className="message__empty">(no text)</span>;
}

/**
 * One chat bubble: the user's text as typed, answers with a small safe markdown subset; CSS keeps line breaks.
 * Memoized: the reducer keeps unchanged messages by identity, so a streamed token re-renders (and
 * re-parses the markdown of) the growing answer only, not every bubble of the conversation.
 */
export const MessageBubble = memo(function MessageBubble({ message }: { message: Message }) {
  const isAssistant = message.role === 'assistant';
  const empty = message.content === '';
  return (
    <article
      className={`message message--${message.role} message--${message.status}`}
      data-testid={isAssistant ? 'assistant-message' : 'user-message'}
      data-status={message.status}
      data-message-id={message.id}
      aria-label={isAssistant ? 'Assistant' : 'You'}
    >
      <div className="message__bubble">
        <p className="message__text" data-testid="message-text">
          {empty ? <EmptyText status={message.status} /> : isAssistant ? <MarkdownText source={message.content} /> : message.content}
          {!empty && message.status === 'streaming' ? <span className="message__cursor" aria-hidden="true" /> : null}
        </p>
      </div>
      {isAssistant ? (
        <footer className="message__meta">
          {message.routing ? <PolicyBadge routing={message.routing} /> : null}
          <StatusNote message={message} />
        </footer>
      ) : null}
    </article>
  );
});
