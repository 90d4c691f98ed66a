import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS } from '../../../shared/schemas/chat.schema';

interface Props {
  sending: boolean;
  /** Set while an answer streams: the send button becomes a stop button. */
  onStop: (() => void) | null;
  onSend: (text: string) => Promise<boolean>;
  error: string | null;
}

/** Message input: Enter sends, Shift+Enter adds a line; the text stays if the send fails. */
export function Composer({ sending, onStop, onSend, error }: Props) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const inputId = useId();
  const errorId = useId();
  const canSend = !sending && onStop === null && text.trim() !== '';

  const refocus = useRef(false);
  // Disabling the field while sending drops its focus; give it back for the next message once
  // the field is enabled again (an animation frame alone can come before that render).
  useEffect(() => {
    if (sending || !refocus.current) return;
    refocus.current = false;
    input.current?.focus();
  }, [sending]);

  const submit = async () => {
    if (!canSend) return;
    refocus.current = true;
    if (await onSend(text)) setText('');
    requestAnimationFrame(() => input.current?.focus());
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // isComposing: Enter also confirms an IME candidate and must not send half a word.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void submit();
  };

  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        Message
      </label>
      <div className="composer__row">
        <textarea
          ref={input}
          id={inputId}
          className="composer__input"
          data-testid="message-input"
          rows={2}
          maxLength={MAX_MESSAGE_CHARS}
          placeholder="Ask anything… (Enter to send, Shift+Enter for a new line)"
          value={text}
          disabled={sending}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <SendOrStop sending={sending} canSend={canSend} onStop={onStop} />
      </div>
      {error !== null ? (
        <p id={errorId} className="composer__error" role="alert" data-testid="error-line">
          {error}
        </p>
      ) : null}
    </form>
  );
}

function SendOrStop({ sending, canSend, onStop }: { sending: boolean; canSend: boolean; onStop: (() => void) | null }) {
  if (onStop) {
    return (
      <button type="button" className="button button--stop" data-testid="stop-button" onClick={onStop}>
        Stop
      </button>
    );
  }
  return (
    <button type="submit" className="button button--primary" data-testid="send-button" disabled={!canSend}>
      {sending ? 'Sending…' : 'Send'}
    </button>
  );
}
