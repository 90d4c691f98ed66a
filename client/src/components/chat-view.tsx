import type { Message } from '../../../shared/schemas/chat.schema';
import { useAutoScroll } from '../hooks/use-auto-scroll.hook';
import { MessageBubble } from './message-bubble';

interface Props {
  messages: Message[];
  loading: boolean;
}

export function ChatView({ messages, loading }: Props) {
  const last = messages.at(-1);
  const lastUser = messages.findLast((m) => m.role === 'user');
  const { ref, onScroll } = useAutoScroll<HTMLDivElement>(
    `${messages.length}:${last?.content.length ?? 0}:${last?.status ?? ''}`,
    lastUser?.id ?? '',
  );
  return (
    <div className="chat-view" ref={ref} onScroll={onScroll} aria-busy={loading} data-testid="chat-view">
      <Announcer last={last} />
      {messages.length === 0 ? (
        <div className="chat-view__empty">
          {loading ? (
            <p>Loading conversation…</p>
          ) : (
            <>
              <h2>Start a conversation</h2>
              <p>Set how safe, funny and brief you want answers to be, then ask anything. Each answer shows which policy of the portfolio served you.</p>
            </>
          )}
        </div>
      ) : (
        <div className="chat-view__messages">
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * Screen readers hear each answer once it is final; a live region on the streaming text
 * itself would read out every token.
 */
function Announcer({ last }: { last: Message | undefined }) {
  const final = last?.role === 'assistant' && last.status !== 'streaming';
  const prefix = last?.status === 'stopped' ? 'Answer (stopped): ' : last?.status === 'failed' ? 'Answer failed: ' : 'Answer: ';
  return (
    <p className="visually-hidden" aria-live="polite">
      {final ? `${prefix}${last.content}` : ''}
    </p>
  );
}
