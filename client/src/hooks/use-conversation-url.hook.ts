const PREFIX = '#c=';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conversation id in the URL hash, if it looks like one. */
export function readConversationHash(): string | null {
  const hash = window.location.hash;
  if (!hash.startsWith(PREFIX)) return null;
  const id = hash.slice(PREFIX.length);
  return UUID.test(id) ? id : null;
}

/** replaceState, not a new history entry: switching chats should not fill the back button. */
export function writeConversationHash(conversationId: string | null): void {
  const hash = conversationId === null ? '' : `${PREFIX}${conversationId}`;
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  window.history.replaceState(null, '', url);
}
