// Views of the user management pages: the list, the create/edit form, and the one-time password notice.
import { ROLE_LABELS, type Role, type User } from '../../../accounts/index.ts'
import { CheckboxGroup, CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'

export interface UserRow {
  readonly user: User
  readonly canUpdate: boolean
}

export function UserTable({ rows }: { readonly rows: readonly UserRow[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>用户列表</caption>
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">所属机构</th>
            <th scope="col">角色</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ user, canUpdate }) => (
            <tr>
              <td safe>{user.username}</td>
              <td safe>{user.displayName}</td>
              <td safe>{user.agencyName}</td>
              <td safe>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</td>
              <td>{user.disabled ? '已停用' : user.mustChangePassword ? '待修改初始密码' : '正常'}</td>
              <td>
                {canUpdate ? (
                  <a href={`/admin/users/${user.id}/edit`}>
                    编辑
                    <span class="visually-hidden" safe>
                      {user.username}
                    </span>
                  </a>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export interface UserFormProps {
  readonly action: string
  readonly csrfToken: string
  /** Creating: the username field is shown; editing: it is fixed. */
  readonly creating: boolean
  readonly values: Readonly<Record<string, string | undefined>>
  readonly roles: readonly Role[]
  readonly errors: Readonly<Record<string, string>>
  readonly agencies: readonly { readonly id: number; readonly label: string }[]
  readonly assignable: readonly Role[]
}

export function UserForm(props: UserFormProps) {
  const { values, errors } = props
  return (
    <form method="post" action={props.action} class="stacked panel">
      <CsrfField token={props.csrfToken} />
      {props.creating ? (
        <TextField
          name="username"
          label="用户名"
          value={values.username}
          error={errors.username}
          required
          hint="3至32位小写字母、数字、点、下划线或连字符，用于登录。"
          autocomplete="off"
        />
      ) : (
        ''
      )}
      <TextField
        name="displayName"
        label="姓名"
        value={values.displayName}
        error={errors.displayName}
        required
      />
      <SelectField
        name="agencyId"
        label="所属机构"
        options={props.agencies.map((a) => ({ value: String(a.id), label: a.label }))}
        value={values.agencyId}
        error={errors.agencyId}
        required
      />
      <CheckboxGroup
        name="roles"
        legend="角色"
        options={props.assignable.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        checked={props.roles}
        error={errors.roles}
      />
      {props.creating ? (
        ''
      ) : (
        <div class="field checks">
          <label>
            <input type="checkbox" name="disabled" value="1" checked={values.disabled === '1'} />
            停用此账号（停用后立即退出登录，不能再登录）
          </label>
        </div>
      )}
      <button type="submit">{props.creating ? '创建用户' : '保存'}</button>
    </form>
  )
}

/** Shown once after creating a user or resetting a password: only the hash is stored. */
export function OneTimePassword({
  username,
  password,
}: {
  readonly username: string
  readonly password: string
}) {
  return (
    <div class="notice" role="status">
      <p>
        用户 <strong safe>{username}</strong> 的初始密码为：
        <span class="secret" safe>
          {password}
        </span>
      </p>
      <p>此密码只显示这一次，请立即通过安全渠道告知本人。用户首次登录时必须修改密码。</p>
    </div>
  )
}
