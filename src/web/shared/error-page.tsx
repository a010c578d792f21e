// The Chinese error page: a title, a message safe for the public, a way back. Never a stack trace.
import { Document } from './document.tsx'

export interface ErrorPageProps {
  readonly status: number
  readonly title: string
  readonly message: string
  /** Where "返回" leads: the console home for console pages, the portal home otherwise. */
  readonly homeHref: string
}

export function ErrorPage({ status, title, message, homeHref }: ErrorPageProps) {
  return (
    <Document title={title}>
      <main id="main" tabindex="-1">
        <div class="login-box">
          <h1 safe>{title}</h1>
          <p safe>{message}</p>
          <p class="muted">错误代码：{status}</p>
          <p>
            <a href={homeHref}>返回首页</a>
          </p>
        </div>
      </main>
    </Document>
  )
}
