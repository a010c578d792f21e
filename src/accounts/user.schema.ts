// Input schemas for user accounts, with Chinese messages for the forms.
import { z } from 'zod'
import { ROLES } from './role.ts'

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '用户名为3至32位小写字母、数字、点、下划线或连字符，以字母或数字开头')

const displayName = z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过50个字符')

const roles = z
  .array(z.enum(ROLES, '角色无效'))
  .min(1, '请至少选择一个角色')
  .transform((r) => [...new Set(r)])

const id = z.coerce.number().int().positive()

export const CreateUserSchema = z.object({
  agencyId: id,
  username: usernameSchema,
  displayName,
  roles,
})
export type CreateUserInput = z.input<typeof CreateUserSchema>

/** Only the keys present change. `disabled: true` stops the account and ends its sessions. */
export const UpdateUserSchema = z.object({
  id,
  agencyId: id.optional(),
  displayName: displayName.optional(),
  roles: roles.optional(),
  disabled: z.boolean().optional(),
})
export type UpdateUserInput = z.input<typeof UpdateUserSchema>

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, '请填写当前密码'),
  newPassword: z.string(),
  /** The session making the change stays signed in; all other sessions of the user end. */
  keepSessionToken: z.string().optional(),
})
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>

export const ListUsersSchema = z.object({
  /** Only users of this agency and its subordinates. */
  agencyId: id.optional(),
  search: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
})
export type ListUsersInput = z.input<typeof ListUsersSchema>
