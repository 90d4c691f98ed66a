import { useCallback, useEffect, useState } from 'react';
import type { PortfolioSummary } from '../../../shared/schemas/portfolio.schema';
import type { BackendInfo } from '../../../shared/schemas/server-info.schema';
import { socket } from '../lib/socket.client';
import { describeError, settle } from '../lib/request';
import { useOnConnect } from './use-on-connect.hook';

export interface ServerInfo {
  backend: BackendInfo;
  portfolio: PortfolioSummary | null;
}

/** What serves answers, refreshed on every (re)connect since the server may have restarted. */
export function useServerInfo() {
  const [info, setInfo] = useState<ServerInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connected, setConnected] = useState(socket.connected);

  const refresh = useCallback(async () => {
    const ack = await settle(socket.emitWithAck('portfolio:active', {}));
    if (ack.ok) {
      setInfo(ack.data);
      setError(null);
    } else {
      setError(describeError(ack));
    }
  }, []);

  useOnConnect(
    useCallback(() => {
      setConnected(true);
      void refresh();
    }, [refresh]),
  );
  useEffect(() => {
    const onDisconnect = () => setConnected(false);
    socket.on('disconnect', onDisconnect);
    return () => {
      socket.off('disconnect', onDisconnect);
    };
  }, []);

  return { info, error, connected, refresh };
}
