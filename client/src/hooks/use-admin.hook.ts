import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { authSettingsSchema, publicUserSchema, type PublicUser, type UpdateUserInput } from '../../../shared/schemas/auth.schema';
import { apiRequest } from '../lib/api.client';
import { describeError } from '../lib/request';

/** The admin's view of the accounts and the approval switch, loaded when the admin page opens. */
export function useAdmin() {
  const [users, setUsers] = useState<PublicUser[]>([]);
  const [requireApproval, setRequireApproval] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [list, settings] = await Promise.all([
      apiRequest('GET', '/api/admin/users', z.array(publicUserSchema)),
      apiRequest('GET', '/api/admin/settings', authSettingsSchema),
    ]);
    if (list.ok) setUsers(list.data);
    if (settings.ok) setRequireApproval(settings.data.requireApproval);
    const failed = !list.ok ? list : !settings.ok ? settings : null;
    setError(failed ? describeError(failed) : null);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const update = useCallback(async (id: string, change: UpdateUserInput) => {
    const ack = await apiRequest('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, publicUserSchema, change);
    if (ack.ok) setUsers((all) => all.map((u) => (u.id === id ? ack.data : u)));
    setError(ack.ok ? null : describeError(ack));
  }, []);

  const saveApproval = useCallback(async (value: boolean) => {
    const ack = await apiRequest('PUT', '/api/admin/settings', authSettingsSchema, { requireApproval: value });
    if (ack.ok) setRequireApproval(ack.data.requireApproval);
    setError(ack.ok ? null : describeError(ack));
  }, []);

  return { users, requireApproval, error, update, saveApproval };
}
