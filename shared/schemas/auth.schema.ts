import { z } from 'zod';

/** `pending` accounts wait for an admin's approval; they can log in but use nothing else. */
export const roleSchema = z.enum(['pending', 'user', 'evaluator', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** Roles an admin can hand out (approving a pending account means giving it one of these). */
export const assignableRoleSchema = z.enum(['user', 'evaluator', 'admin']);

export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 256;

export const usernameSchema = z
  .string({ error: 'must be a string' })
  .trim()
  .min(3, 'username needs at least 3 characters')
  .max(32, 'username has at most 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'username may use letters, digits, and _ . - only')
  .transform((name) => name.toLowerCase());

export const passwordSchema = z
  .string({ error: 'must be a string' })
  .min(MIN_PASSWORD_CHARS, `password needs at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `password has at most ${MAX_PASSWORD_CHARS} characters`);

export const credentialsSchema = z.strictObject({ username: usernameSchema, password: passwordSchema });
export type Credentials = z.infer<typeof credentialsSchema>;

/** Login checks the stored hash, so only the size limits apply (no complexity rule to leak). */
export const loginSchema = z.strictObject({
  username: z.string().max(64),
  password: z.string().max(MAX_PASSWORD_CHARS),
});

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().max(MAX_PASSWORD_CHARS),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const publicUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.number(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

export const userIdParamSchema = z.strictObject({ id: z.string().uuid('must be a UUID') });

/** An admin's change to one account; at least one field. */
export const updateUserSchema = z
  .strictObject({ role: assignableRoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((u) => u.role !== undefined || u.disabled !== undefined, 'give a role or disabled');
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const authSettingsSchema = z.strictObject({ requireApproval: z.boolean() });
export type AuthSettings = z.infer<typeof authSettingsSchema>;

export const emptyBodySchema = z.strictObject({});

/** What GET /api/auth/me, login and register answer. */
export const meSchema = z.object({ user: publicUserSchema.nullable() });
