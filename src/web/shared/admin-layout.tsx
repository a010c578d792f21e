// The console shell: header with the signed-in user and logout, the navigation the user may use, and <main>.
import type { PropsWithChildren } from '@kitajs/html'
import { Document } from './document.tsx'
import { CsrfField } from './form-fields.tsx'

export interface NavItem {
  readonly href: string
  readonly label: string
}

/** Who is signed in, as the header shows it. */
export interface ShellUser {
  readonly displayName: string
  readonly agencyName: string
  readonly roleLabels: readonly string[]
}

export interface AdminLayoutProps {
  readonly title: string
  readonly user: ShellUser
  readonly nav: readonly NavItem[]
  /** The current path, marked `aria-current="page"` in the navigation. */
  readonly currentPath: string
  readonly csrfToken: string
}

function isCurrent(item: NavItem, currentPath: string): boolean {
  return item.href === '/admin' ? currentPath === '/admin' : currentPath.startsWith(item.href)
}

export function AdminLayout({
  title,
  user,
  nav,
  currentPath,
  csrfToken,
  children,
}: PropsWithChildren<AdminLayoutProps>) {
  return (
    <Document title={title}>
      <header class="site-header">
        <div class="bar">
          <a class="brand" href="/admin">
            政府信息公开管理平台
          </a>
          <div class="who">
            <span safe>{user.displayName}</span>（<span safe>{user.agencyName}</span> ·{' '}
            <span safe>{user.roleLabels.join('、')}</span>）{' '}
            <form method="post" action="/admin/logout">
              <CsrfField token={csrfToken} />
              <button type="submit" class="link-button">
                退出登录
              </button>
            </form>
          </div>
        </div>
        <nav class="site-nav" aria-label="主导航">
          <ul>
            {nav.map((item) => (
              <li>
                <a href={item.href} aria-current={isCurrent(item, currentPath) ? 'page' : undefined} safe>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabindex="-1">
        {children}
      </main>
    </Document>
  )
}
