// What every signed-in console page shares: the guard that sends anonymous users to the login page (and users
// with a generated password to the change-password page), the navigation built from the user's abilities, and
// the page renderer.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { abilities, agencyTarget, ROLE_LABELS, type Actor } from '../../accounts/index.ts'
import { AdminLayout, type NavItem } from '../shared/admin-layout.tsx'
import { csrfToken } from '../shared/csrf.ts'
import { sendHtml } from '../shared/html.ts'
import { applicationsNav } from './applications/applications-nav.ts'
import { calendarNav } from './calendar/calendar-nav.ts'
import { catalogueNav } from './catalogue/catalogue-nav.ts'
import { reportsNav } from './reports/reports-nav.ts'
import { supervisionNav } from './supervision/supervision-nav.ts'

export const LOGIN_PATH = '/admin/login'
export const PASSWORD_PATH = '/admin/password'

/** A console-relative redirect target from untrusted input: only paths inside /admin, never another host. */
export function safeNext(next: unknown): string {
  if (
    typeof next !== 'string' ||
    !next.startsWith('/admin') ||
    next.startsWith('//') ||
    next.includes('\\')
  ) {
    return '/admin'
  }
  return next
}

/**
 * preHandler for signed-in console pages. A callback hook: a signed-in request passes synchronously, without
 * a promise per request.
 */
export function requireActor(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  if (request.actor === null) {
    const next = request.method === 'GET' ? request.url : '/admin'
    void reply.redirect(`${LOGIN_PATH}?next=${encodeURIComponent(next)}`, 303)
    return
  }
  // 条例 has nothing to say here; this is the rule: a generated password is changed before any work.
  if (request.actor.mustChangePassword && request.routeOptions.url !== PASSWORD_PATH) {
    void reply.redirect(PASSWORD_PATH, 303)
    return
  }
  done()
}

/** The actor of a request that passed `requireActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new Error('console route registered without requireActor')
  return request.actor
}

/**
 * Navigation per actor: a resolved Actor is cached and shared by the requests of its session for a short
 * while (see shared/session.ts), and is replaced (a new object) when the session is resolved again, so the
 * entries are computed once per actor object.
 */
const navOfActor = new WeakMap<Actor, readonly NavItem[]>()

/** Navigation entries the actor may use, decided by the accounts policy on the actor's own agency. */
export function navFor(actor: Actor): readonly NavItem[] {
  let nav = navOfActor.get(actor)
  if (nav === undefined) {
    nav = computeNav(actor)
    navOfActor.set(actor, nav)
  }
  return nav
}

function computeNav(actor: Actor): NavItem[] {
  const may = abilities(actor, agencyTarget({ id: actor.agencyId, path: actor.agencyPath }))
  const nav: NavItem[] = [{ href: '/admin', label: '工作台' }]
  if (may['agency.view']) nav.push({ href: '/admin/agencies', label: '机构管理' })
  if (may['user.view']) nav.push({ href: '/admin/users', label: '用户管理' })
  nav.push(...catalogueNav(actor))
  nav.push(...applicationsNav(actor))
  nav.push(...reportsNav(actor))
  nav.push(...supervisionNav(actor))
  if (may['audit.view']) nav.push({ href: '/admin/audit', label: '审计日志' })
  nav.push(...calendarNav(actor))
  nav.push({ href: PASSWORD_PATH, label: '修改密码' })
  return nav
}

export interface ConsolePage {
  readonly title: string
  readonly body: JSX.Element
  readonly status?: number
}

export async function sendConsolePage(request: FastifyRequest, reply: FastifyReply, page: ConsolePage) {
  return sendHtml(reply, await renderConsolePage(request, reply, page), page.status)
}

/** The whole console page (shell and body) as HTML; sets the CSRF secret cookie on `reply` when new. */
export async function renderConsolePage(
  request: FastifyRequest,
  reply: FastifyReply,
  page: ConsolePage,
): Promise<string> {
  const actor = actorOf(request)
  // Rendered by the page area from JSX, whose own output xss-scan checks; the `safe` prefix tells it so here.
  const safeBody = page.body
  const layout = (
    <AdminLayout
      title={page.title}
      user={{
        displayName: actor.displayName,
        agencyName: actor.agencyName,
        roleLabels: actor.roles.map((r) => ROLE_LABELS[r]),
      }}
      nav={actor.mustChangePassword ? [] : navFor(actor)}
      currentPath={request.url.split('?')[0] ?? request.url}
      csrfToken={csrfToken(request, reply)}
    >
      {safeBody}
    </AdminLayout>
  )
  return layout
}
