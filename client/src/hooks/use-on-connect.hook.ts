import { useEffect } from 'react';
import { socket } from '../lib/socket.client';

/**
 * Runs `onConnect` now if the socket is connected, and again on every (re)connect: what the
 * page loaded from the server may be stale after a reconnect or a server restart.
 * Pass a stable callback (useCallback), or it is re-registered on every render.
 */
export function useOnConnect(onConnect: () => void): void {
  useEffect(() => {
    socket.on('connect', onConnect);
    if (socket.connected) onConnect();
    return () => {
      socket.off('connect', onConnect);
    };
  }, [onConnect]);
}
