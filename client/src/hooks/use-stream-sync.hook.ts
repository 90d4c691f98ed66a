import { useCallback, useEffect, useRef, type ActionDispatch } from 'react';
import type { Message, StreamEvent } from '../../../shared/schemas/chat.schema';
import type { ChatAction, ChatState } from '../lib/chat.reducer';
import { socket } from '../lib/socket.client';
import { describeError, settle } from '../lib/request';

/** Offsets held for answers still streaming, i.e. where a resume has to start. */
export function streamingOffsets(messages: readonly Message[]): Array<[string, number]> {
  return messages
    .filter((m) => m.role === 'assistant' && m.status === 'streaming')
    .map((m) => [m.id, m.content.length]);
}

/**
 * Keeps the open conversation in step with the server's `chat:stream`: feeds events to the
 * reducer, and re-attaches (chat:resume from the offset held) after a reconnect or a gap.
 */
export function useStreamSync(
  state: ChatState,
  dispatch: ActionDispatch<[ChatAction]>,
  onError: (message: string) => void,
) {
  const messagesRef = useRef(state.messages);
  const inFlight = useRef(new Set<string>());

  useEffect(() => {
    messagesRef.current = state.messages;
  }, [state.messages]);

  const resume = useCallback(
    async (messageId: string, offset: number) => {
      // One resume per answer at a time; its replay fills whatever the next gap would ask for.
      if (inFlight.current.has(messageId)) return;
      inFlight.current.add(messageId);
      const ack = await settle(socket.emitWithAck('chat:resume', { messageId, offset }));
      inFlight.current.delete(messageId);
      if (ack.ok) dispatch({ type: 'upsert', messages: [ack.data] });
      else onError(`Could not resume the answer: ${describeError(ack)}`);
    },
    [dispatch, onError],
  );

  useEffect(() => {
    const onStream = (event: StreamEvent) => dispatch({ type: 'stream', event });
    // The server keeps generating while we are away; pick up from what we hold.
    // Every connect, not only the manager's reconnect: resuming is idempotent, missing one is not.
    const onConnect = () => {
      for (const [id, offset] of streamingOffsets(messagesRef.current)) void resume(id, offset);
    };
    socket.on('chat:stream', onStream);
    socket.on('connect', onConnect);
    return () => {
      socket.off('chat:stream', onStream);
      socket.off('connect', onConnect);
    };
  }, [dispatch, resume]);

  useEffect(() => {
    for (const [id, offset] of Object.entries(state.gaps)) {
      dispatch({ type: 'gap-handled', messageId: id });
      void resume(id, offset);
    }
  }, [state.gaps, dispatch, resume]);

  return { resume };
}
