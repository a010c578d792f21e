// Security behaviour at the HTTP edge (issue 3 acceptance): CSRF, lockout, escaping, cookie flags.
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { listAuditLog, systemActor } from '../accounts/index.ts'
import { buildAgency, buildUser, TEST_PASSWORD } from '../../test/factories.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  setCookieValue,
} from './testing/web-test-kit.ts'
import { SESSION_COOKIE } from './shared/session.ts'

const XSS = '<script>alert(1)</script>'

describeDb('web security', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  async function auditCount(): Promise<number> {
    return (await listAuditLog(t.db, systemActor('test'), { pageSize: 1 })).total
  }

  it('refuses a form post without a CSRF token with 403 and writes nothing', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['platform_admin'] })
    const cookie = await sessionCookie(t.db, user)
    const before = await auditCount()
    const response = await app.inject({
      method: 'POST',
      url: '/admin/agencies/new',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        parentId: String(agency.id),
        name: '不应创建的机构',
        kind: 'department',
      }).toString(),
    })
    expect(response.statusCode).toBe(403)
    expect(response.body).toContain('表单已失效')
    expect(await auditCount()).toBe(before)
    const tree = await app.inject({ method: 'GET', url: '/admin/agencies', headers: { cookie } })
    expect(tree.body).not.toContain('不应创建的机构')
  })

  it('refuses a form post with a wrong CSRF token with 403 and writes nothing', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['platform_admin'] })
    const csrf = await fetchCsrf(app, await sessionCookie(t.db, user), '/admin/agencies/new')
    const before = await auditCount()
    const response = await postForm(
      app,
      { ...csrf, token: `${csrf.token.slice(0, -2)}xx` },
      '/admin/agencies/new',
      {
        parentId: String(agency.id),
        name: '伪造令牌的机构',
        kind: 'department',
      },
    )
    expect(response.statusCode).toBe(403)
    expect(await auditCount()).toBe(before)
    // The same form with the right token goes through, so the refusal above was the token's doing.
    const ok = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: '正常机构',
      kind: 'department',
    })
    expect(ok.statusCode).toBe(303)
    expect(await auditCount()).toBe(before + 1)
  })

  it('refuses an API write without the x-csrf-token header with 403', async () => {
    const { user } = await buildUser(t.db, { roles: ['platform_admin'] })
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie: await sessionCookie(t.db, user) },
      payload: { name: 'API 无令牌', kind: 'department' },
    })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ error: { code: 'csrf' } })
  })

  it('locks the username after 10 wrong passwords, even against the right password', async () => {
    const { user } = await buildUser(t.db)
    const csrf = await fetchCsrf(app, '')
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) {
      const r = await postForm(app, csrf, '/admin/login', { username: user.username, password: `wrong-${i}` })
      statuses.push(r.statusCode)
    }
    expect(statuses.slice(0, 9).every((s) => s === 401)).toBe(true)
    expect(statuses[9]).toBe(429)
    const right = await postForm(app, csrf, '/admin/login', {
      username: user.username,
      password: TEST_PASSWORD,
    })
    expect(right.statusCode).toBe(429)
    expect(right.body).toContain('账号已临时锁定')
    expect(setCookieValue(right, SESSION_COOKIE)).toBeUndefined()
  })

  it('logs in with the right password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const { user } = await buildUser(t.db)
    const csrf = await fetchCsrf(app, '')
    const response = await postForm(app, csrf, '/admin/login', {
      username: user.username,
      password: TEST_PASSWORD,
    })
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/admin')
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
    expect(cookie?.secure).toBeFalsy()
    const csrfCookie = response.cookies.find((c) => c.name === 'gk_csrf')
    expect(csrfCookie?.httpOnly ?? true).toBe(true)
  })

  it('marks the session cookie Secure behind an HTTPS proxy (X-Forwarded-Proto from loopback)', async () => {
    const { user } = await buildUser(t.db)
    const csrf = await fetchCsrf(app, '')
    const response = await app.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress: '127.0.0.1',
      headers: {
        cookie: csrf.cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
      },
      payload: new URLSearchParams({
        _csrf: csrf.token,
        username: user.username,
        password: TEST_PASSWORD,
      }).toString(),
    })
    expect(response.statusCode).toBe(303)
    expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true)
  })

  it('marks the session cookie Secure when configured (GONGKAI_SECURE_COOKIES)', async () => {
    const secureApp = await buildTestServer(t.db, true)
    try {
      const { user } = await buildUser(t.db)
      const csrf = await fetchCsrf(secureApp, '')
      const response = await postForm(secureApp, csrf, '/admin/login', {
        username: user.username,
        password: TEST_PASSWORD,
      })
      expect(response.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true)
    } finally {
      await secureApp.close()
    }
  })

  it('shows a script injected into agency and user names as text, never as markup', async () => {
    const agency = await buildAgency(t.db, { name: `${XSS}机构` })
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const cookie = await sessionCookie(t.db, user)
    const csrf = await fetchCsrf(app, cookie, '/admin/users/new')
    const created = await postForm(app, csrf, '/admin/users/new', {
      agencyId: String(agency.id),
      username: 'xss-victim',
      displayName: `${XSS}姓名`,
      roles: ['publisher'],
    })
    expect(created.statusCode).toBe(201)
    const child = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: `<img src=x onerror=alert(2)>`,
      kind: 'department',
    })
    expect(child.statusCode).toBe(303)
    for (const url of [
      '/admin',
      '/admin/agencies',
      '/admin/users',
      '/admin/audit',
      `/admin/agencies/${agency.id}/edit`,
    ]) {
      const page = await app.inject({ method: 'GET', url, headers: { cookie } })
      expect(page.statusCode, url).toBe(200)
      // Parsed as a browser would: the injected markup must not have become elements.
      const $ = load(page.body)
      expect($('script').length, url).toBe(0)
      expect($('img').length, url).toBe(0)
      expect($('[onerror]').length, url).toBe(0)
    }
    const users = load((await app.inject({ method: 'GET', url: '/admin/users', headers: { cookie } })).body)
    expect(users('td').text()).toContain(`${XSS}姓名`)
    const tree = load((await app.inject({ method: 'GET', url: '/admin/agencies', headers: { cookie } })).body)
    expect(tree('ul.tree').text()).toContain('<img src=x onerror=alert(2)>')
    expect(tree('ul.tree').text()).toContain(`${XSS}机构`)
  })

  it('answers errors with a Chinese page and no stack trace', async () => {
    const missing = await app.inject({ method: 'GET', url: '/no/such/page' })
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('页面不存在')
    const { user } = await buildUser(t.db)
    const cookie = await sessionCookie(t.db, user)
    const notFound = await app.inject({
      method: 'GET',
      url: '/admin/agencies/999999/edit',
      headers: { cookie },
    })
    expect(notFound.statusCode).toBe(404)
    expect(notFound.body).toContain('机构不存在')
    expect(notFound.body).not.toMatch(/at .*\.ts:\d+/)
  })
})
