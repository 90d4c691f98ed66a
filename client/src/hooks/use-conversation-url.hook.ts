import { useEffect, useState } from 'react';

const PREFIX = '#c=';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readConversationHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  const id = hash.slice(PREFIX.length);
  return UUID.test(id) ? id : null;
}

/** replaceState, not a new history entry: switching chats should not fill the back button. */
function writeConversationHash(conversationId: string | null): void {
  const hash = conversationId === null ? '' : `${PREFIX}${conversationId}`;
  if (window.location.hash === hash) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
}

/**
 * The open conversation lives in the URL hash, so a reload (or a shared link) comes back to it
 * and resumes an answer still streaming there. The hash is read once, before anything rewrites it.
 */
export function useConversationUrl(conversationId: string | null, open: (id: string | null) => Promise<void>): void {
  const [initialId] = useState(readConversationHash);
  useEffect(() => {
    void open(initialId);
  }, [open, initialId]);
  useEffect(() => writeConversationHash(conversationId), [conversationId]);
}
