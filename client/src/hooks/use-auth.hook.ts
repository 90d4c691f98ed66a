import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { meSchema, type PublicUser } from '../../../shared/schemas/auth.schema';
import type { Ack } from '../../../shared/schemas/result.schema';
import { apiRequest } from '../lib/api.client';
import { socket } from '../lib/socket.client';

export type AuthState = { status: 'loading' } | { status: 'anonymous' } | { status: 'signed-in'; user: PublicUser };

const okSchema = z.object({}).passthrough();

/**
 * Who is signed in (from the httpOnly session cookie, which scripts cannot read: we ask the
 * server). The socket connects only with an approved account, and a session the server ended
 * (logout elsewhere, account disabled, expiry) sends the page back to the login screen.
 */
export function useAuth() {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const apply = useCallback((user: PublicUser | null) => {
    setState(user ? { status: 'signed-in', user } : { status: 'anonymous' });
    if (user && user.role !== 'pending') socket.connect();
    else socket.disconnect();
  }, []);

  const refresh = useCallback(async () => {
    const ack = await apiRequest('GET', '/api/auth/me', meSchema);
    apply(ack.ok ? ack.data.user : null);
  }, [apply]);

  useEffect(() => {
    void refresh();
    const onRefused = (error: Error) => {
      if (error.message === 'unauthorized') void refresh();
    };
    socket.on('connect_error', onRefused);
    return () => {
      socket.off('connect_error', onRefused);
    };
  }, [refresh]);

  const signIn = useCallback(
    async (mode: 'login' | 'register', username: string, password: string): Promise<Ack<unknown>> => {
      const ack = await apiRequest('POST', `/api/auth/${mode}`, meSchema, { username, password });
      if (ack.ok) apply(ack.data.user);
      return ack;
    },
    [apply],
  );

  const logout = useCallback(async () => {
    await apiRequest('POST', '/api/auth/logout', okSchema, {});
    apply(null);
  }, [apply]);

  const changePassword = useCallback(
    (currentPassword: string, newPassword: string) => apiRequest('POST', '/api/auth/password', okSchema, { currentPassword, newPassword }),
    [],
  );

  return { state, signIn, logout, changePassword, refresh };
}
