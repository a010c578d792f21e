// The permission matrix (issue 3 acceptance): every console route and API operation × every role × own /
// subordinate / other agency → allow or deny. Deny means 403 (or, anonymous, a redirect to the login page /
// 401 from the API) and never the target's data; a denied write leaves no audit entry. The expectations are
// written out here from the role descriptions, independently of the policy tables they check.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listAuditLog, ROLES, systemActor, type Agency, type Role, type User } from '../accounts/index.ts'
import { buildAgency, buildUser } from '../../test/factories.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildTestServer, fetchCsrf, sessionCookie, type CsrfPair } from './testing/web-test-kit.ts'
import {
  buildCatalogueMatrixWorld,
  type CatalogueMatrixWorld,
  type PoolState,
} from './admin/catalogue/matrix-world.test-kit.ts'

type Where = 'own' | 'sub' | 'superior' | 'unrelated'
const WHERES: readonly Where[] = ['own', 'sub', 'superior', 'unrelated']
type Expect = Readonly<Record<Role, readonly Where[]>>

const ALL = WHERES
const SUBTREE: readonly Where[] = ['own', 'sub']
const NONE: readonly Where[] = []
/** Who may manage agencies, users and passwords: 平台管理员 everywhere, 机构管理员 in its subtree. */
const MANAGE: Expect = {
  platform_admin: ALL,
  agency_admin: SUBTREE,
  publisher: NONE,
  reviewer: NONE,
  case_officer: NONE,
  supervisor: NONE,
}
/** Who may read a subtree's users: the managers and 监督员 (read-only). The audit log is MANAGE (issue 3). */
const OVERSEE: Expect = { ...MANAGE, supervisor: SUBTREE }
/** Who may read an agency's record: also every other role, for its own agency. */
const VIEW_AGENCY: Expect = { ...OVERSEE, publisher: ['own'], reviewer: ['own'], case_officer: ['own'] }
/** Untargeted routes: allowed for these roles (all targets), denied for the rest. */
const rolesOnly = (...roles: Role[]): Expect =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? ALL : NONE])) as unknown as Expect
const EVERYONE = rolesOnly(...ROLES)

interface World {
  readonly agency: Readonly<Record<Where, Agency>>
  readonly user: Readonly<Record<Where, User>>
}

interface Case {
  readonly name: string
  readonly method: 'GET' | 'POST' | 'PATCH'
  /** Untargeted cases ignore `where` (their expectation is the same for every target). */
  readonly url: (w: World, where: Where) => string
  readonly form?: (w: World, where: Where, n: number) => Record<string, string | string[]>
  readonly json?: (w: World, where: Where, n: number) => Record<string, unknown>
  readonly expected: Expect
  /** Statuses that count as a denial (default 403; reading an item another agency's users may not see is 404). */
  readonly denied?: readonly number[]
}

/** 信息发布员 drafts and edits in its own agency; 平台管理员 everywhere (issue 4). */
const EDIT_ITEM: Expect = { ...rolesOnly(), platform_admin: ALL, publisher: ['own'] }
/** 保密审查员 of the agency approves or returns. */
const REVIEW_ITEM: Expect = { ...rolesOnly(), platform_admin: ALL, reviewer: ['own'] }
/** 撤稿: the agency's reviewer and the administrators above it. */
const WITHDRAW_ITEM: Expect = { ...MANAGE, reviewer: ['own'] }
/** Unpublished items: the agency's publishers and reviewers, its administrators, 监督员 read the subtree. */
const VIEW_ITEM: Expect = { ...OVERSEE, publisher: ['own'], reviewer: ['own'] }
const NOT_VISIBLE = [403, 404]

/** Item pools of the workflow cases: each attempt acts on a fresh item in the state the step needs. */
const POOLS: Readonly<Record<string, PoolState>> = {
  'console-submit': 'draft',
  'console-approve': 'in_review',
  'console-return': 'in_review',
  'console-withdraw': 'published',
  'api-submit': 'draft',
  'api-approve': 'in_review',
  'api-return': 'in_review',
  'api-withdraw': 'published',
}
let cat: CatalogueMatrixWorld<Where>

/** A workflow case: the URL names the pool's current item; building the body moves the pool on. */
function stepCase(
  name: string,
  pool: string,
  url: (id: number) => string,
  body: Record<string, string>,
  expected: Expect,
): Case {
  const take = (x: Where) => {
    cat.advance(pool, x)
    return body
  }
  return pool.startsWith('api')
    ? { name, method: 'POST', url: (_w, x) => url(cat.current(pool, x)), json: (_w, x) => take(x), expected }
    : { name, method: 'POST', url: (_w, x) => url(cat.current(pool, x)), form: (_w, x) => take(x), expected }
}

const CATALOGUE_CONSOLE_CASES: readonly Case[] = [
  {
    name: 'GET /admin/catalogue/items',
    method: 'GET',
    url: () => '/admin/catalogue/items',
    expected: EVERYONE,
  },
  {
    name: 'GET /admin/catalogue/review',
    method: 'GET',
    url: () => '/admin/catalogue/review',
    expected: EVERYONE,
  },
  {
    name: 'GET /admin/catalogue/deadlines',
    method: 'GET',
    url: () => '/admin/catalogue/deadlines',
    expected: EVERYONE,
  },
  {
    name: 'GET /admin/catalogue/items/:id',
    method: 'GET',
    url: (_w, x) => `/admin/catalogue/items/${cat.itemId[x]}`,
    expected: VIEW_ITEM,
    denied: NOT_VISIBLE,
  },
  {
    name: 'GET /admin/catalogue/items/new',
    method: 'GET',
    url: () => '/admin/catalogue/items/new',
    expected: rolesOnly('platform_admin', 'publisher'),
  },
  {
    name: 'POST /admin/catalogue/items/new (column)',
    method: 'POST',
    url: (w, x) => `/admin/catalogue/items/new?agencyId=${w.agency[x].id}`,
    form: (_w, x, n) => ({ columnId: String(cat.columnId[x]), title: `控制台草稿${n}`, intent: 'save' }),
    expected: EDIT_ITEM,
  },
  {
    name: 'GET /admin/catalogue/items/:id/edit',
    method: 'GET',
    url: (_w, x) => `/admin/catalogue/items/${cat.itemId[x]}/edit`,
    expected: EDIT_ITEM,
    denied: NOT_VISIBLE,
  },
  {
    name: 'POST /admin/catalogue/items/:id/edit',
    method: 'POST',
    url: (_w, x) => `/admin/catalogue/items/${cat.itemId[x]}/edit`,
    form: (_w, x, n) => ({ columnId: String(cat.columnId[x]), title: `改标题${n}`, intent: 'save' }),
    expected: EDIT_ITEM,
    denied: NOT_VISIBLE,
  },
  stepCase(
    'POST /admin/catalogue/items/:id/submit',
    'console-submit',
    (id) => `/admin/catalogue/items/${id}/submit`,
    {},
    EDIT_ITEM,
  ),
  stepCase(
    'POST /admin/catalogue/items/:id/approve',
    'console-approve',
    (id) => `/admin/catalogue/items/${id}/approve`,
    { scheduledAt: '' },
    REVIEW_ITEM,
  ),
  stepCase(
    'POST /admin/catalogue/items/:id/return',
    'console-return',
    (id) => `/admin/catalogue/items/${id}/return`,
    { reason: '请补充依据' },
    REVIEW_ITEM,
  ),
  stepCase(
    'POST /admin/catalogue/items/:id/withdraw',
    'console-withdraw',
    (id) => `/admin/catalogue/items/${id}/withdraw`,
    { reason: '内容有误' },
    WITHDRAW_ITEM,
  ),
  {
    name: 'GET /admin/catalogue/columns',
    method: 'GET',
    url: () => '/admin/catalogue/columns',
    expected: rolesOnly('platform_admin', 'agency_admin'),
  },
  {
    name: 'GET /admin/catalogue/columns?agencyId',
    method: 'GET',
    url: (w, x) => `/admin/catalogue/columns?agencyId=${w.agency[x].id}`,
    expected: MANAGE,
  },
  {
    name: 'POST /admin/catalogue/columns/new (agency)',
    method: 'POST',
    url: () => '/admin/catalogue/columns/new',
    form: (w, x, n) => ({ agencyId: String(w.agency[x].id), name: `新栏目${n}`, slug: `col-${n}` }),
    expected: MANAGE,
  },
  {
    name: 'POST /admin/catalogue/columns/defaults (agency)',
    method: 'POST',
    url: () => '/admin/catalogue/columns/defaults',
    form: (w, x) => ({ agencyId: String(w.agency[x].id) }),
    expected: MANAGE,
  },
  {
    name: 'GET /admin/catalogue/columns/:id/edit',
    method: 'GET',
    url: (_w, x) => `/admin/catalogue/columns/${cat.columnId[x]}/edit`,
    expected: MANAGE,
  },
  {
    name: 'POST /admin/catalogue/columns/:id/edit',
    method: 'POST',
    url: (_w, x) => `/admin/catalogue/columns/${cat.columnId[x]}/edit`,
    form: () => ({ name: '政府信息公开指南', parentId: '' }),
    expected: MANAGE,
  },
  {
    name: 'POST /admin/catalogue/columns/:id/move',
    method: 'POST',
    url: (_w, x) => `/admin/catalogue/columns/${cat.columnId[x]}/move`,
    form: () => ({ direction: 'down' }),
    expected: MANAGE,
  },
]

const CATALOGUE_API_CASES: readonly Case[] = [
  {
    name: 'GET /api/v1/agencies/:id/columns',
    method: 'GET',
    url: (w, x) => `/api/v1/agencies/${w.agency[x].id}/columns`,
    expected: EVERYONE,
  },
  { name: 'GET /api/v1/items', method: 'GET', url: () => '/api/v1/items', expected: EVERYONE },
  {
    name: 'GET /api/v1/items/:id',
    method: 'GET',
    url: (_w, x) => `/api/v1/items/${cat.itemId[x]}`,
    expected: VIEW_ITEM,
    denied: NOT_VISIBLE,
  },
  {
    name: 'POST /api/v1/items (column)',
    method: 'POST',
    url: () => '/api/v1/items',
    json: (_w, x, n) => ({ columnId: cat.columnId[x], title: `接口草稿${n}` }),
    expected: EDIT_ITEM,
  },
  {
    name: 'PATCH /api/v1/items/:id',
    method: 'PATCH',
    url: (_w, x) => `/api/v1/items/${cat.itemId[x]}`,
    json: (_w, _x, n) => ({ summary: `接口概述${n}` }),
    expected: EDIT_ITEM,
  },
  stepCase(
    'POST /api/v1/items/:id/submit',
    'api-submit',
    (id) => `/api/v1/items/${id}/submit`,
    {},
    EDIT_ITEM,
  ),
  stepCase(
    'POST /api/v1/items/:id/approve',
    'api-approve',
    (id) => `/api/v1/items/${id}/approve`,
    {},
    REVIEW_ITEM,
  ),
  stepCase(
    'POST /api/v1/items/:id/return',
    'api-return',
    (id) => `/api/v1/items/${id}/return`,
    { reason: '请补充依据' },
    REVIEW_ITEM,
  ),
  stepCase(
    'POST /api/v1/items/:id/withdraw',
    'api-withdraw',
    (id) => `/api/v1/items/${id}/withdraw`,
    { reason: '内容有误' },
    WITHDRAW_ITEM,
  ),
]

const CONSOLE_CASES: readonly Case[] = [
  { name: 'GET /admin', method: 'GET', url: () => '/admin', expected: EVERYONE },
  { name: 'GET /admin/agencies', method: 'GET', url: () => '/admin/agencies', expected: EVERYONE },
  {
    name: 'GET /admin/agencies/new',
    method: 'GET',
    url: () => '/admin/agencies/new',
    expected: rolesOnly('platform_admin', 'agency_admin'),
  },
  {
    name: 'GET /admin/agencies/:id/edit',
    method: 'GET',
    url: (w, x) => `/admin/agencies/${w.agency[x].id}/edit`,
    expected: MANAGE,
  },
  {
    name: 'POST /admin/agencies/new (parent)',
    method: 'POST',
    url: () => '/admin/agencies/new',
    form: (w, x, n) => ({ parentId: String(w.agency[x].id), name: `新机构${n}`, kind: 'department' }),
    expected: MANAGE,
  },
  {
    name: 'POST /admin/agencies/:id/edit',
    method: 'POST',
    url: (w, x) => `/admin/agencies/${w.agency[x].id}/edit`,
    form: (w, x) => ({ name: w.agency[x].name, kind: w.agency[x].kind, 'guide.phone': '010-12345678' }),
    expected: MANAGE,
  },
  {
    name: 'GET /admin/users',
    method: 'GET',
    url: () => '/admin/users',
    expected: rolesOnly('platform_admin', 'agency_admin', 'supervisor'),
  },
  {
    name: 'GET /admin/users?agencyId',
    method: 'GET',
    url: (w, x) => `/admin/users?agencyId=${w.agency[x].id}`,
    expected: OVERSEE,
  },
  {
    name: 'GET /admin/users/new',
    method: 'GET',
    url: () => '/admin/users/new',
    expected: rolesOnly('platform_admin', 'agency_admin'),
  },
  {
    name: 'POST /admin/users/new (agency)',
    method: 'POST',
    url: () => '/admin/users/new',
    form: (w, x, n) => ({
      agencyId: String(w.agency[x].id),
      username: `new-user-${n}`,
      displayName: `新用户${n}`,
      roles: ['publisher'],
    }),
    expected: MANAGE,
  },
  {
    name: 'GET /admin/users/:id/edit',
    method: 'GET',
    url: (w, x) => `/admin/users/${w.user[x].id}/edit`,
    expected: MANAGE,
  },
  {
    name: 'POST /admin/users/:id/edit',
    method: 'POST',
    url: (w, x) => `/admin/users/${w.user[x].id}/edit`,
    form: (w, x, n) => ({ displayName: `改名${n}`, agencyId: String(w.agency[x].id), roles: ['publisher'] }),
    expected: MANAGE,
  },
  {
    name: 'POST /admin/users/:id/reset-password',
    method: 'POST',
    url: (w, x) => `/admin/users/${w.user[x].id}/reset-password`,
    form: () => ({}),
    expected: MANAGE,
  },
  {
    name: 'GET /admin/audit',
    method: 'GET',
    url: () => '/admin/audit',
    expected: rolesOnly('platform_admin', 'agency_admin'),
  },
  {
    name: 'GET /admin/audit?agencyId',
    method: 'GET',
    url: (w, x) => `/admin/audit?agencyId=${w.agency[x].id}`,
    expected: MANAGE,
  },
  ...CATALOGUE_CONSOLE_CASES,
]

const API_CASES: readonly Case[] = [
  { name: 'GET /api/v1/session', method: 'GET', url: () => '/api/v1/session', expected: EVERYONE },
  { name: 'GET /api/v1/agencies', method: 'GET', url: () => '/api/v1/agencies', expected: EVERYONE },
  {
    name: 'GET /api/v1/agencies/:id',
    method: 'GET',
    url: (w, x) => `/api/v1/agencies/${w.agency[x].id}`,
    expected: VIEW_AGENCY,
  },
  {
    name: 'POST /api/v1/agencies (parent)',
    method: 'POST',
    url: () => '/api/v1/agencies',
    json: (w, x, n) => ({ parentId: w.agency[x].id, name: `接口机构${n}`, kind: 'department' }),
    expected: MANAGE,
  },
  {
    name: 'PATCH /api/v1/agencies/:id',
    method: 'PATCH',
    url: (w, x) => `/api/v1/agencies/${w.agency[x].id}`,
    json: () => ({ guide: { hours: '工作日 9:00-17:00' } }),
    expected: MANAGE,
  },
  { name: 'GET /api/v1/users', method: 'GET', url: () => '/api/v1/users', expected: EVERYONE },
  {
    name: 'GET /api/v1/users/:id',
    method: 'GET',
    url: (w, x) => `/api/v1/users/${w.user[x].id}`,
    expected: OVERSEE,
  },
  {
    name: 'POST /api/v1/users (agency)',
    method: 'POST',
    url: () => '/api/v1/users',
    json: (w, x, n) => ({
      agencyId: w.agency[x].id,
      username: `api-user-${n}`,
      displayName: `接口用户${n}`,
      roles: ['reviewer'],
    }),
    expected: MANAGE,
  },
  {
    name: 'PATCH /api/v1/users/:id',
    method: 'PATCH',
    url: (w, x) => `/api/v1/users/${w.user[x].id}`,
    json: (_w, _x, n) => ({ displayName: `接口改名${n}` }),
    expected: MANAGE,
  },
  {
    name: 'POST /api/v1/users/:id/reset-password',
    method: 'POST',
    url: (w, x) => `/api/v1/users/${w.user[x].id}/reset-password`,
    json: () => ({}),
    expected: MANAGE,
  },
  {
    name: 'GET /api/v1/audit-log',
    method: 'GET',
    url: () => '/api/v1/audit-log',
    expected: rolesOnly('platform_admin', 'agency_admin'),
  },
  {
    name: 'GET /api/v1/audit-log?agencyId',
    method: 'GET',
    url: (w, x) => `/api/v1/audit-log?agencyId=${w.agency[x].id}`,
    expected: MANAGE,
  },
  ...CATALOGUE_API_CASES,
]

function isAllowed(r: LightMyRequestResponse): boolean {
  return [200, 201, 204, 303].includes(r.statusCode) && !(r.headers.location ?? '').startsWith('/admin/login')
}

describeDb('permission matrix', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let world: World
  const sessions = new Map<Role, CsrfPair>()
  let serial = 0

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    const superior = await buildAgency(t.db, { name: '上级机构', kind: 'general_office' })
    const own = await buildAgency(t.db, { parent: superior, name: '本级机构' })
    const sub = await buildAgency(t.db, { parent: own, name: '下级机构', kind: 'street_office' })
    const unrelated = await buildAgency(t.db, { name: '无关机构' })
    const agency = { own, sub, superior, unrelated }
    const user = {} as Record<Where, User>
    for (const where of WHERES) {
      user[where] = (
        await buildUser(t.db, { agency: agency[where], roles: ['publisher'], username: `target-${where}` })
      ).user
    }
    world = { agency, user }
    for (const role of ROLES) {
      const { user: actor } = await buildUser(t.db, {
        agency: own,
        roles: [role],
        username: `actor-${role.replace('_', '-')}`,
      })
      sessions.set(role, await fetchCsrf(app, await sessionCookie(t.db, actor), '/api/v1/csrf-token'))
    }
  })
  // Catalogue items for the workflow cases: a few hundred operations, slow on a loaded PostgreSQL.
  beforeAll(async () => {
    cat = await buildCatalogueMatrixWorld(t.db, world.agency, POOLS, 7)
  }, 180_000)
  afterAll(async () => {
    await app.close()
  })

  async function auditCount(): Promise<number> {
    return (await listAuditLog(t.db, systemActor('test'), { pageSize: 1 })).total
  }

  async function send(c: Case, session: CsrfPair | undefined, where: Where): Promise<LightMyRequestResponse> {
    serial += 1
    const url = c.url(world, where)
    const headers: Record<string, string> = session ? { cookie: session.cookie } : {}
    if (c.method === 'GET') return app.inject({ method: 'GET', url, headers })
    if (c.form) {
      const body = new URLSearchParams({ _csrf: session?.token ?? '' })
      for (const [k, v] of Object.entries(c.form(world, where, serial))) {
        for (const x of [v].flat()) body.append(k, x)
      }
      return app.inject({
        method: c.method,
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      })
    }
    return app.inject({
      method: c.method,
      url,
      headers: { ...headers, 'x-csrf-token': session?.token ?? '' },
      payload: c.json?.(world, where, serial) ?? {},
    })
  }

  for (const c of [...CONSOLE_CASES, ...API_CASES]) {
    it(`${c.name}: allowed exactly for the expected roles and agencies; denied means 403 and no write`, async () => {
      const actual: Record<string, string[]> = {}
      const problems: string[] = []
      for (const role of ROLES) {
        actual[role] = []
        for (const where of WHERES) {
          const before = c.method === 'GET' ? 0 : await auditCount()
          const r = await send(c, sessions.get(role), where)
          if (isAllowed(r)) {
            actual[role].push(where)
            continue
          }
          if (!(c.denied ?? [403]).includes(r.statusCode)) {
            problems.push(
              `${role}/${where}: denied with ${r.statusCode}, not ${(c.denied ?? [403]).join('/')}`,
            )
          }
          if (c.method !== 'GET' && (await auditCount()) !== before) {
            problems.push(`${role}/${where}: denied but wrote`)
          }
          const targetName = c.url(world, where).includes('/users/')
            ? world.user[where].username
            : world.agency[where].name
          if (r.body.includes(targetName) && c.url(world, where) !== c.url(world, 'own')) {
            problems.push(`${role}/${where}: denial shows ${targetName}`)
          }
        }
      }
      const expected = Object.fromEntries(ROLES.map((r) => [r, [...c.expected[r]]]))
      expect(actual).toEqual(expected)
      expect(problems).toEqual([])
      // Allowed creations and password resets hash a password with production scrypt settings.
    }, 60_000)
  }

  it('sends anonymous console requests to the login page and answers anonymous API requests with 401', async () => {
    for (const c of CONSOLE_CASES) {
      const r = await send(c, undefined, 'own')
      if (c.method === 'GET') {
        expect(r.statusCode, c.name).toBe(303)
        expect(r.headers.location, c.name).toMatch(/^\/admin\/login\?next=/)
      } else {
        // A form post without a session has no CSRF secret either: refused before the session is looked at.
        expect([303, 403], c.name).toContain(r.statusCode)
      }
    }
    for (const c of API_CASES) {
      const r = await send(c, undefined, 'own')
      expect([401, 403], c.name).toContain(r.statusCode)
      expect(r.body, c.name).not.toContain(world.agency.own.name)
    }
  })

  it('lists only what lies in the actor’s reach (an agency administrator never sees superior or unrelated agencies)', async () => {
    const session = sessions.get('agency_admin')
    const pages = [
      '/admin/agencies',
      '/admin/users',
      '/admin/audit',
      '/api/v1/agencies',
      '/api/v1/users',
      '/api/v1/audit-log',
    ]
    for (const url of pages) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: session?.cookie ?? '' } })
      expect(r.statusCode, url).toBe(200)
      expect(r.body, url).not.toContain(world.agency.unrelated.name)
      expect(r.body, url).not.toContain(world.user.superior.username)
      expect(r.body, url).not.toContain(world.user.unrelated.username)
    }
  })
})
