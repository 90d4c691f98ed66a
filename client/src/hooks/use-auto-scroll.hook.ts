import { useCallback, useLayoutEffect, useRef } from 'react';

/** How close to the bottom (px) still counts as "following" the conversation. */
const FOLLOW_THRESHOLD = 48;

/**
 * Keeps a scroll container pinned to the bottom while content grows, unless the user has
 * scrolled up to read: then it stays put until they scroll back down. A new `followKey`
 * (the user's own new message) pins it again, since they want to see the reply.
 */
export function useAutoScroll<T extends HTMLElement>(contentKey: string, followKey: string) {
  const ref = useRef<T>(null);
  const following = useRef(true);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight < FOLLOW_THRESHOLD;
  }, []);

  useLayoutEffect(() => {
    following.current = true;
  }, [followKey]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [contentKey, followKey]);

  return { ref, onScroll };
}
