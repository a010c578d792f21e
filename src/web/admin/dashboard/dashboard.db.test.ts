// The dashboard is rendered once per session and reused: a write through the server must show on the very
// next request, each CSRF secret gets a page whose token it accepts, and a logout is never answered from it.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildAgency, buildUser } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { CSRF_COOKIE } from '../../shared/csrf.ts'
import { buildTestServer, fetchCsrf, postForm, sessionCookie } from '../../testing/web-test-kit.ts'

function agencyCount(html: string): number {
  const match = /<dt>可查看的机构<\/dt>\s*<dd>(\d+)<\/dd>/.exec(html)
  if (match === null) throw new Error('no agency count on the dashboard')
  return Number(match[1])
}

function tokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (match === null) throw new Error('no CSRF field on the page')
  return match[1] ?? ''
}

describeDb('dashboard render reuse', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('shows a new agency on the next request after it is created', async () => {
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    const csrf = await fetchCsrf(app, await sessionCookie(t.db, user), '/admin')
    const first = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: csrf.cookie } })
    const again = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: csrf.cookie } })
    expect(again.body).toBe(first.body)
    expect(agencyCount(again.body)).toBe(1)
    const created = await postForm(app, csrf, '/admin/agencies/new', {
      parentId: String(agency.id),
      name: '新建下级机构甲',
      kind: 'department',
    })
    expect(created.statusCode).toBeLessThan(400)
    const after = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: csrf.cookie } })
    expect(agencyCount(after.body)).toBe(2)
  })

  it('gives each CSRF secret a page whose token that secret accepts', async () => {
    const { user } = await buildUser(t.db, { roles: ['agency_admin'] })
    const session = await sessionCookie(t.db, user)
    const a = await fetchCsrf(app, session, '/admin')
    const b = await fetchCsrf(app, session, '/admin')
    expect(a.cookie).not.toBe(b.cookie)
    const pageA = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: a.cookie } })
    const pageB = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: b.cookie } })
    expect(tokenOf(pageA.body)).not.toBe(tokenOf(pageB.body))
    // A token does not verify against another secret: the post is refused and nothing happens.
    const crossed = await postForm(app, { token: tokenOf(pageA.body), cookie: b.cookie }, '/admin/logout', {})
    expect(crossed.statusCode).toBe(403)
    const stillIn = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: b.cookie } })
    expect(stillIn.statusCode).toBe(200)
    const out = await postForm(app, { token: tokenOf(pageB.body), cookie: b.cookie }, '/admin/logout', {})
    expect(out.statusCode).toBe(303)
    const after = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: b.cookie } })
    expect(after.statusCode).toBe(303)
    expect(after.headers.location).toMatch(/^\/admin\/login/)
  })

  it('sets the CSRF secret cookie for a browser that has none, and never reuses that page', async () => {
    const { user } = await buildUser(t.db, { roles: ['agency_admin'] })
    const session = await sessionCookie(t.db, user)
    const first = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: session } })
    const second = await app.inject({ method: 'GET', url: '/admin', headers: { cookie: session } })
    const secrets = [first, second].map((r) => r.cookies.find((c) => c.name === CSRF_COOKIE)?.value)
    expect(secrets[0]).toBeTruthy()
    expect(secrets[1]).toBeTruthy()
    expect(secrets[0]).not.toBe(secrets[1])
  })
})
