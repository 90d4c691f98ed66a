import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Conversation } from '../../../shared/schemas/chat.schema';
import type { Sliders } from '../../../shared/schemas/sliders.schema';
import { chatReducer, emptyChat } from '../lib/chat.reducer';
import { socket } from '../lib/socket.client';
import { describeError, settle } from '../lib/request';
import { uuid } from '../lib/uuid';
import { streamingOffsets, useStreamSync } from './use-stream-sync.hook';

interface Options {
  sliders: Sliders;
  /** Called with the conversation a send created or touched, for the sidebar. */
  onConversation: (conversation: Conversation) => void;
}

/** The open conversation: loading it, sending with the current sliders, stopping an answer. */
export function useChat({ sliders, onConversation }: Options) {
  const [state, dispatch] = useReducer(chatReducer, emptyChat);
  const [sending, setSending] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Shown above the chat when a linked conversation could not be opened; dismissible. */
  const [notice, setNotice] = useState<string | null>(null);
  const { resume } = useStreamSync(state, dispatch, setError);
  const openSeq = useRef(0);
  const current = useRef(state.conversationId);
  // A failed send keeps its clientId: retrying the same text cannot create a second answer.
  const retry = useRef<{ content: string; clientId: string } | null>(null);

  useEffect(() => {
    current.current = state.conversationId;
  }, [state.conversationId]);

  const open = useCallback(
    async (conversationId: string | null) => {
      const seq = ++openSeq.current;
      setError(null);
      setNotice(null);
      dispatch({ type: 'open', conversationId, messages: [] });
      if (conversationId === null) return setLoading(false);
      setLoading(true);
      const ack = await settle(socket.emitWithAck('conversation:get', { conversationId }));
      if (seq !== openSeq.current) return; // the user opened something else meanwhile
      setLoading(false);
      if (!ack.ok && ack.error.code === 'not_found') {
        // Someone else's or a deleted conversation: say so, and fall back to a new chat (which clears the hash).
        dispatch({ type: 'open', conversationId: null, messages: [] });
        return setNotice("That conversation doesn't exist or isn't yours.");
      }
      if (!ack.ok) return setError(describeError(ack));
      dispatch({ type: 'open', conversationId, messages: ack.data.messages });
      for (const [id, offset] of streamingOffsets(ack.data.messages)) void resume(id, offset);
    },
    [resume],
  );

  const send = useCallback(
    async (text: string): Promise<boolean> => {
      const content = text.trim();
      if (content === '') return false;
      const clientId = retry.current?.content === content ? retry.current.clientId : uuid();
      retry.current = { content, clientId };
      const from = current.current;
      setSending(true);
      setError(null);
      setNotice(null);
      const ack = await settle(socket.emitWithAck('chat:send', { conversationId: from, clientId, content, sliders }));
      setSending(false);
      if (!ack.ok) {
        setError(describeError(ack));
        return false;
      }
      retry.current = null;
      const { conversation, userMessage, assistantMessage, duplicate } = ack.data;
      onConversation(conversation);
      if (current.current !== from) return true; // the user moved on; the sidebar has it
      openSeq.current++;
      dispatch(
        from === conversation.id
          ? { type: 'upsert', messages: [userMessage, assistantMessage] }
          : { type: 'open', conversationId: conversation.id, messages: [userMessage, assistantMessage] },
      );
      // A resend of a known message does not restart the stream; attach to it instead.
      if (duplicate && assistantMessage.status === 'streaming') void resume(assistantMessage.id, assistantMessage.content.length);
      return true;
    },
    [sliders, onConversation, resume],
  );

  const stop = useCallback(async (messageId: string) => {
    const ack = await settle(socket.emitWithAck('chat:stop', { messageId }));
    if (ack.ok) dispatch({ type: 'upsert', messages: [ack.data] });
    else setError(describeError(ack));
  }, []);

  const streaming = state.messages.find((m) => m.role === 'assistant' && m.status === 'streaming') ?? null;
  return { ...state, sending, loading, error, notice, streaming, open, send, stop, clearError: () => setError(null), dismissNotice: () => setNotice(null) };
}
