// GET /admin: the dashboard: who the user is, for which agency, how much lies in its reach, and links to the
// work it may do.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { abilities, agencyTarget, ROLE_LABELS, type Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import { writeVersion } from '../../shared/after-write.ts'
import { CSRF_COOKIE } from '../../shared/csrf.ts'
import { sendHtml } from '../../shared/html.ts'
import { actorOf, renderConsolePage, requireActor } from '../console-page.tsx'
import { SCOPE_COUNTS_TTL_MS, scopeCounts } from './scope-counts.ts'

interface DashboardProps {
  readonly actor: Actor
  readonly agencyCount: number
  readonly userCount: number | null
  readonly may: ReturnType<typeof abilities>
}

function Dashboard({ actor, agencyCount, userCount, may }: DashboardProps) {
  return (
    <>
      <h1>工作台</h1>
      <section class="panel" aria-labelledby="me">
        <h2 id="me">我的账号</h2>
        <p>
          <span safe>{actor.displayName}</span>，您好。您所在机构：<strong safe>{actor.agencyName}</strong>
          ；角色：
          {actor.roles.map((r) => (
            <span class="tag" safe>
              {ROLE_LABELS[r]}
            </span>
          ))}
        </p>
      </section>
      <section aria-labelledby="scope">
        <h2 id="scope">管理范围</h2>
        <dl class="cards">
          <div>
            <dt>可查看的机构</dt>
            <dd>{agencyCount}</dd>
          </div>
          {userCount === null ? (
            ''
          ) : (
            <div>
              <dt>可查看的用户</dt>
              <dd>{userCount}</dd>
            </div>
          )}
        </dl>
      </section>
      <section aria-labelledby="todo">
        <h2 id="todo">常用操作</h2>
        <ul class="actions">
          {may['agency.view'] ? (
            <li>
              <a class="button secondary" href="/admin/agencies">
                查看机构
              </a>
            </li>
          ) : (
            ''
          )}
          {may['agency.create'] ? (
            <li>
              <a class="button secondary" href={`/admin/agencies/new?parentId=${actor.agencyId}`}>
                新建下级机构
              </a>
            </li>
          ) : (
            ''
          )}
          {may['user.create'] ? (
            <li>
              <a class="button secondary" href="/admin/users/new">
                新建用户
              </a>
            </li>
          ) : (
            ''
          )}
          {may['audit.view'] ? (
            <li>
              <a class="button secondary" href="/admin/audit">
                查看审计日志
              </a>
            </li>
          ) : (
            ''
          )}
          <li>
            <a class="button secondary" href="/admin/password">
              修改密码
            </a>
          </li>
        </ul>
      </section>
    </>
  )
}

/**
 * The rendered dashboard, per actor object (a session's requests share one Actor until it is resolved again,
 * see shared/session.ts), reused while nothing was written through this server (the write version), for the
 * same CSRF secret (the page's logout form carries a token derived from it) and within the counts' TTL (so
 * another process's changes show as soon as they would without this cache).
 */
interface RenderedDashboard {
  readonly html: Buffer
  readonly writeVersion: number
  readonly csrfSecret: string
  readonly at: number
}

const rendered = new WeakMap<Actor, RenderedDashboard>()

function cachedDashboard(request: FastifyRequest, actor: Actor, now: number): Buffer | undefined {
  const hit = rendered.get(actor)
  if (
    hit === undefined ||
    hit.writeVersion !== writeVersion(request.server) ||
    hit.csrfSecret !== request.cookies[CSRF_COOKIE] ||
    now - hit.at >= SCOPE_COUNTS_TTL_MS
  ) {
    return undefined
  }
  return hit.html
}

export function registerDashboardRoutes(app: FastifyInstance, db: DB): void {
  app.get('/', { preHandler: requireActor }, async (request, reply) => {
    const actor = actorOf(request)
    const now = Date.now()
    const cached = cachedDashboard(request, actor, now)
    if (cached !== undefined) return sendHtml(reply, cached)
    // Read before the queries: a write finishing while this page renders makes the result stale at once.
    const version = writeVersion(request.server)
    const may = abilities(actor, agencyTarget({ id: actor.agencyId, path: actor.agencyPath }))
    const counts = await scopeCounts(db, actor, may['user.view'])
    const body = <Dashboard actor={actor} agencyCount={counts.agencies} userCount={counts.users} may={may} />
    const html = Buffer.from(await renderConsolePage(request, reply, { title: '工作台', body }))
    const csrfSecret = request.cookies[CSRF_COOKIE]
    // A browser without the CSRF cookie yet gets a new secret with this page: nothing to match next time.
    if (csrfSecret !== undefined) {
      rendered.set(actor, { html, writeVersion: version, csrfSecret, at: counts.at })
    }
    return sendHtml(reply, html)
  })
}
