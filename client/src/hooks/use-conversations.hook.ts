import { useCallback, useState } from 'react';
import type { Conversation } from '../../../shared/schemas/chat.schema';
import { socket } from '../lib/socket.client';
import { describeError, settle } from '../lib/request';
import { useOnConnect } from './use-on-connect.hook';

const byRecent = (a: Conversation, b: Conversation) => b.updatedAt - a.updatedAt;

/** The sidebar's conversations, most recent first, reloaded on every (re)connect. */
export function useConversations() {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const ack = await settle(socket.emitWithAck('conversation:list', {}));
    if (!ack.ok) return setError(describeError(ack));
    setConversations([...ack.data].sort(byRecent));
    setError(null);
  }, []);

  useOnConnect(useCallback(() => void reload(), [reload]));

  /** A conversation the server just returned (created or touched by a send). */
  const upsert = useCallback((conversation: Conversation) => {
    setConversations((list) => [conversation, ...list.filter((c) => c.id !== conversation.id)].sort(byRecent));
  }, []);

  const rename = useCallback(async (conversationId: string, title: string): Promise<boolean> => {
    const ack = await settle(socket.emitWithAck('conversation:rename', { conversationId, title }));
    if (!ack.ok) {
      setError(describeError(ack));
      return false;
    }
    setConversations((list) => list.map((c) => (c.id === conversationId ? ack.data : c)));
    setError(null);
    return true;
  }, []);

  const remove = useCallback(async (conversationId: string): Promise<boolean> => {
    const ack = await settle(socket.emitWithAck('conversation:delete', { conversationId }));
    if (!ack.ok) {
      setError(describeError(ack));
      return false;
    }
    setConversations((list) => list.filter((c) => c.id !== conversationId));
    setError(null);
    return true;
  }, []);

  return { conversations, error, upsert, rename, remove, reload };
}
