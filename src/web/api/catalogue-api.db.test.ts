// The catalogue API on both engines: every /api/v1 route is in the OpenAPI document (and nothing documented
// is missing), column writes and 有效性 go through the catalogue operations (audited, policy-checked), and
// the item list takes the console's filters.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildAgency, buildUser } from '../../../test/factories.ts'
import { listAuditLog, systemActor } from '../../accounts/index.ts'
import { buildColumn, buildItem } from '../portal/portal-test-data.ts'
import { buildTestServer, fetchCsrf, sessionCookie, type CsrfPair } from '../testing/web-test-kit.ts'
import { OPENAPI_DOCUMENT } from './openapi.ts'
import { registerApiRoutes } from './routes.ts'

describeDb('catalogue API', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let admin: CsrfPair
  let publisher: CsrfPair
  let agencyId = 0

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    const agency = await buildAgency(t.db)
    agencyId = agency.id
    const as = async (role: 'agency_admin' | 'publisher') => {
      const { user } = await buildUser(t.db, { agency, roles: [role] })
      return fetchCsrf(app, await sessionCookie(t.db, user), '/api/v1/csrf-token')
    }
    admin = await as('agency_admin')
    publisher = await as('publisher')
  })
  afterAll(async () => {
    await app.close()
  })

  const call = (who: CsrfPair, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: who.cookie, 'x-csrf-token': who.token },
      ...(payload === undefined ? {} : { payload }),
    })

  it('documents every route it serves, and serves every route it documents', async () => {
    const served: string[] = []
    const probe = Fastify()
    probe.addHook('onRoute', (route: RouteOptions) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method]
      for (const m of methods) {
        if (m === 'HEAD') continue
        served.push(`${m.toLowerCase()} ${route.url.replace(/^\/api\/v1/, '').replace(/:(\w+)/g, '{$1}')}`)
      }
    })
    await probe.register(
      (api, _opts, done) => {
        registerApiRoutes(api, t.db)
        done()
      },
      { prefix: '/api/v1' },
    )
    await probe.ready()
    await probe.close()
    const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    )
    const servedApi = served.filter((r) => r !== 'get /openapi.json')
    expect(servedApi.filter((r) => !documented.includes(r))).toEqual([])
    expect(documented.filter((r) => !servedApi.includes(r))).toEqual([])
    for (const r of [
      'get /items',
      'get /items/{id}',
      'get /agencies/{id}/columns',
      'post /items/{id}/validity',
    ]) {
      expect(documented).toContain(r)
    }
  })

  it('creates, edits and deletes a column through the operations (policy and audit included)', async () => {
    const created = await call(admin, 'POST', `/agencies/${agencyId}/columns`, {
      name: 'API栏目',
      slug: 'api-column',
    })
    expect(created.statusCode).toBe(201)
    const column = created.json<{ data: { id: number; slug: string } }>().data
    expect(column.slug).toBe('api-column')
    const renamed = await call(admin, 'PATCH', `/columns/${column.id}`, { name: '改名后的栏目' })
    expect(renamed.json()).toMatchObject({ data: { name: '改名后的栏目' } })
    const bad = await call(admin, 'POST', `/agencies/${agencyId}/columns`, { name: '', slug: 'Bad Slug' })
    expect(bad.statusCode).toBe(422)
    const forbidden = await call(publisher, 'POST', `/agencies/${agencyId}/columns`, {
      name: '发布员栏目',
      slug: 'p1',
    })
    expect(forbidden.statusCode).toBe(403)
    expect((await call(admin, 'DELETE', `/columns/${column.id}`)).statusCode).toBe(204)
    expect((await call(admin, 'DELETE', `/columns/${column.id}`)).statusCode).toBe(404)
    const { items } = await listAuditLog(t.db, systemActor('test'), { pageSize: 100 })
    const actions = items.filter((e) => e.targetId === String(column.id)).map((e) => e.action)
    expect(actions).toHaveLength(3)
  })

  it('lists items with the console filters and changes 有效性 of a published item', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency)
    const { user } = await buildUser(t.db, { agency, roles: ['publisher'] })
    const editor = await fetchCsrf(app, await sessionCookie(t.db, user), '/api/v1/csrf-token')
    const item = await buildItem(t.db, column, {
      title: '有效性测试通知',
      topicCode: '02.01',
      publishedAt: '2024-05-01T02:00:00.000Z',
    })
    await buildItem(t.db, column, {
      title: '另一条',
      topicCode: '05',
      publishedAt: '2025-05-01T02:00:00.000Z',
    })
    const list = async (query: string) =>
      (await call(editor, 'GET', `/items?${query}`))
        .json<{ data: { title: string }[] }>()
        .data.map((i) => i.title)
    expect(await list('year=2024')).toEqual(['有效性测试通知'])
    expect(await list('topicCode=02')).toEqual(['有效性测试通知'])
    expect(await list(`q=${encodeURIComponent('另一')}`)).toEqual(['另一条'])
    expect((await call(editor, 'GET', '/items?year=20x4')).statusCode).toBe(422)
    expect((await call(editor, 'GET', '/items?status=bogus')).statusCode).toBe(422)
    expect((await call(editor, 'GET', '/items/abc')).statusCode).toBe(404)
    expect((await call(editor, 'POST', '/items/0/validity', { validity: 'valid' })).statusCode).toBe(404)

    const changed = await call(editor, 'POST', `/items/${item.id}/validity`, {
      validity: 'repealed',
      repealedOn: '2026-01-01',
    })
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ data: { validity: 'repealed', repealedOn: '2026-01-01' } })
    const invalid = await call(editor, 'POST', `/items/${item.id}/validity`, { validity: 'maybe' })
    expect(invalid.statusCode).toBe(422)
  })
})
