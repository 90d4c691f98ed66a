import { authSettingsSchema, emptyBodySchema, updateUserSchema, userIdParamSchema } from '../../shared/schemas/auth.schema';
import { parseWith, type routeMounter } from '../http/route';
import type { UserAdminService } from './user-admin.service';

export function adminRoutes(route: ReturnType<typeof routeMounter>, admin: UserAdminService): void {
  route.private('GET /admin/users', emptyBodySchema, () => admin.list());
  route.private('PATCH /admin/users/:id', updateUserSchema, (body, { user, req }) => admin.update(user, parseWith(userIdParamSchema, req.params).id, body));
  route.private('GET /admin/settings', emptyBodySchema, () => admin.settings());
  route.private('PUT /admin/settings', authSettingsSchema, (body) => admin.saveSettings(body));
}
