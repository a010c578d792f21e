// Console and API behaviour beyond permissions: health, assets, login redirects, the forced password change,
// logout and idle expiry, the one-time password, the API envelope.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency, buildUser, TEST_PASSWORD } from '../../test/factories.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { assetUrl } from './shared/assets.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  setCookieValue,
} from './testing/web-test-kit.ts'
import { SESSION_COOKIE } from './shared/session.ts'

describeDb('console behaviour', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('reports health with the database status', async () => {
    const r = await app.inject({ method: 'GET', url: '/healthz' })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('serves assets under a content-hashed URL with a year of immutable caching', async () => {
    const r = await app.inject({ method: 'GET', url: assetUrl('admin.css') })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toContain('text/css')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const stale = await app.inject({ method: 'GET', url: '/assets/000000000000/admin.css' })
    expect(stale.statusCode).toBe(404)
  })

  it('returns to the requested console page after login, but never to another site', async () => {
    const { user } = await buildUser(t.db)
    const csrf = await fetchCsrf(app, '')
    const inside = await postForm(app, csrf, '/admin/login', {
      username: user.username,
      password: TEST_PASSWORD,
      next: '/admin/password',
    })
    expect(inside.headers.location).toBe('/admin/password')
    for (const next of ['//evil.example/admin', 'https://evil.example/', '/admin\\@evil.example']) {
      const r = await postForm(app, csrf, '/admin/login', {
        username: user.username,
        password: TEST_PASSWORD,
        next,
      })
      expect(r.headers.location, next).toBe('/admin')
    }
  })

  it('keeps a user with a generated password on the change-password page until it is changed', async () => {
    const { user } = await buildUser(t.db, { mustChangePassword: true })
    const cookie = await sessionCookie(t.db, user)
    for (const url of ['/admin', '/admin/agencies', '/admin/users']) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie } })
      expect(r.statusCode, url).toBe(303)
      expect(r.headers.location, url).toBe('/admin/password')
    }
    const api = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie } })
    expect(api.statusCode).toBe(403)
    const csrf = await fetchCsrf(app, cookie, '/admin/password')
    const mismatch = await postForm(app, csrf, '/admin/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'brand-new-password-1',
      confirmPassword: 'another-password-1',
    })
    expect(mismatch.statusCode).toBe(422)
    expect(mismatch.body).toContain('两次输入的新密码不一致')
    const changed = await postForm(app, csrf, '/admin/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'brand-new-password-1',
      confirmPassword: 'brand-new-password-1',
    })
    expect(changed.statusCode).toBe(303)
    expect(changed.headers.location).toBe('/admin')
    const dashboard = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })
    expect(dashboard.statusCode).toBe(200)
  })

  it('ends the session at logout: the old cookie no longer opens the console', async () => {
    const { user } = await buildUser(t.db)
    const cookie = await sessionCookie(t.db, user)
    const csrf = await fetchCsrf(app, cookie, '/admin')
    const r = await postForm(app, csrf, '/admin/logout', {})
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/admin/login?loggedOut=1')
    expect(setCookieValue(r, SESSION_COOKIE)).toBe('')
    const after = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })
    expect(after.headers.location).toMatch(/^\/admin\/login/)
  })

  it('sends a session idle for longer than the configured limit back to the login page', async () => {
    const { user } = await buildUser(t.db)
    const cookie = await sessionCookie(t.db, user)
    expect((await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })).statusCode).toBe(200)
    // Age the session: 31 minutes without a request (the test server's idle limit is 30).
    const idleSince = new Date(Date.now() - 31 * 60_000).toISOString()
    await t.db
      .updateTable('sessions')
      .set({ last_seen_at: idleSince })
      .where('user_id', '=', user.id)
      .execute()
    // The write went round the server (as another process would); let this process's short cache lapse.
    app.actorCache.clear()
    const r = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toMatch(/^\/admin\/login/)
  })

  it('creates a user and shows the generated password once, then lists the user', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const cookie = await sessionCookie(t.db, user)
    const csrf = await fetchCsrf(app, cookie, '/admin/users/new')
    const created = await postForm(app, csrf, '/admin/users/new', {
      agencyId: String(agency.id),
      username: 'li-si',
      displayName: '李四',
      roles: ['publisher', 'reviewer'],
    })
    expect(created.statusCode).toBe(201)
    expect(created.headers['cache-control']).toBe('no-store')
    expect(created.body).toMatch(/<span class="secret">[^<]{10,}<\/span>/)
    const list = await app.inject({ method: 'GET', url: '/admin/users?search=li-si', headers: { cookie } })
    expect(list.body).toContain('信息发布员、保密审查员')
    expect(list.body).toContain('待修改初始密码')
    expect(list.body).not.toContain('class="secret"')
  })

  it('re-renders a form with the field messages when the input breaks a rule', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const cookie = await sessionCookie(t.db, user)
    const csrf = await fetchCsrf(app, cookie, '/admin/agencies/new')
    const r = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: '',
      kind: 'department',
      creditCode: '123',
    })
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('请填写机构名称')
    expect(r.body).toContain('统一社会信用代码应为18位')
    expect(r.body).toContain('aria-invalid="true"')
  })

  it('answers the API with { data, abilities } and logs in through it', async () => {
    const { user } = await buildUser(t.db, { roles: ['agency_admin'] })
    const csrf = await fetchCsrf(app, '', '/api/v1/csrf-token')
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload: { username: user.username, password: TEST_PASSWORD },
    })
    expect(login.statusCode).toBe(201)
    const token = setCookieValue(login, SESSION_COOKIE)
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: `${SESSION_COOKIE}=${token}` },
    })
    expect(me.json()).toMatchObject({
      data: { username: user.username, roles: ['agency_admin'] },
      abilities: { 'agency.create': true, 'user.create': true },
    })
    const openapi = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })
    expect(openapi.json()).toMatchObject({ openapi: '3.1.0', paths: { '/agencies': {}, '/users': {} } })
  })

  it('shows dashboard counts that follow a write made through the API at once', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const cookie = await sessionCookie(t.db, user)
    const count = async () => {
      const page = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } })
      return /可查看的机构<\/dt><dd>(\d+)<\/dd>/.exec(page.body)?.[1]
    }
    expect(await count()).toBe('1')
    const csrf = await fetchCsrf(app, cookie, '/api/v1/csrf-token')
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.token },
      payload: { parentId: agency.id, name: '计数用下级机构', kind: 'department' },
    })
    expect(created.statusCode).toBe(201)
    expect(await count()).toBe('2')
  })
})
