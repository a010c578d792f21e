// The login page (no navigation: the visitor is not signed in yet).
import { Document } from '../../shared/document.tsx'
import { CsrfField, TextField } from '../../shared/form-fields.tsx'

export interface LoginPageProps {
  readonly csrfToken: string
  readonly next: string
  readonly username?: string
  readonly error?: string
  readonly notice?: string
}

export function LoginPage(props: LoginPageProps) {
  return (
    <Document title="登录">
      <main id="main" tabindex="-1">
        <div class="login-box">
          <h1>政府信息公开管理平台</h1>
          <p class="muted">请使用本机构分配的账号登录。</p>
          {props.notice ? (
            <p class="notice" role="status" safe>
              {props.notice}
            </p>
          ) : (
            ''
          )}
          {props.error ? (
            <p class="alert" role="alert" safe>
              {props.error}
            </p>
          ) : (
            ''
          )}
          <form method="post" action="/admin/login" class="stacked">
            <CsrfField token={props.csrfToken} />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              name="username"
              label="用户名"
              value={props.username}
              required
              autocomplete="username"
            />
            <TextField
              name="password"
              label="密码"
              type="password"
              required
              autocomplete="current-password"
            />
            <button type="submit">登录</button>
          </form>
        </div>
      </main>
    </Document>
  )
}
