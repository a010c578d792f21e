// The XSS corpus through the real operations into every text field of an item (标题, 文号, 发布机构, 关键词,
// 内容概述, rich-text body, attachment file name, return and 撤稿 reasons) and a column name, then every
// console page and the portal pages that show them: nothing live survives (no script/svg/iframe/object
// element, no on* attribute, no javascript:/data: URL), on both engines.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load } from 'cheerio'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildUser, TEST_CREDIT_CODE } from '../../../../test/factories.ts'
import { systemActor, type Actor } from '../../../accounts/index.ts'
import {
  addAttachment,
  approveItem,
  createColumn,
  createDraft,
  returnForChanges,
  submitForReview,
  uploadsDirOf,
  withdrawItem,
} from '../../../catalogue/index.ts'
import { actorFor } from '../../../accounts/operations/sessions.ts'
import { buildServer } from '../../server.ts'
import { sessionCookie } from '../../testing/web-test-kit.ts'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<svg><use href="data:image/svg+xml,<svg onload=alert(1)>"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<p style="background:url(javascript:alert(1))" onmouseover="alert(1)">x</p>',
]
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')

function expectInert(body: string, where: string): void {
  const $ = load(body)
  for (const tag of ['script', 'svg', 'iframe', 'object', 'embed', 'math']) {
    expect($(tag).length, `${where}: <${tag}>`).toBe(0)
  }
  $('*').each((_, el) => {
    const attributes: Record<string, string> = $(el).attr() ?? {}
    for (const [name, value] of Object.entries(attributes)) {
      expect(name.startsWith('on'), `${where}: ${name} on <${$(el).prop('tagName') ?? ''}>`).toBe(false)
      if (['href', 'src', 'action', 'data', 'formaction'].includes(name)) {
        expect(value.replace(/\s/g, '').toLowerCase(), `${where}: ${name}`).not.toMatch(
          /^(javascript|data|vbscript):/,
        )
      }
      if (name === 'style') expect(value.toLowerCase(), `${where}: style`).not.toContain('javascript')
    }
  })
}

describeDb('catalogue XSS corpus (console and portal)', () => {
  const t = useTestDb()
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-xss-'))
  let app: FastifyInstance
  let publisher: Actor
  let reviewer: Actor
  let cookies: string[] = []

  beforeAll(async () => {
    app = await buildServer({
      db: t.db,
      config: { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12, dataDir },
    })
    const agency = await buildAgency(t.db, { name: 'XSS测试机构', creditCode: TEST_CREDIT_CODE })
    const users = await Promise.all(
      (['publisher', 'reviewer', 'agency_admin'] as const).map((role) =>
        buildUser(t.db, { agency, roles: [role] }),
      ),
    )
    cookies = await Promise.all(users.map(({ user }) => sessionCookie(t.db, user)))
    const [p, r] = users.map(({ user }) => actorFor(user))
    if (!p || !r) throw new Error('actors')
    publisher = p
    reviewer = r
  })
  afterAll(async () => {
    await app.close()
  })

  it.each(PAYLOADS)('keeps %s inert in every field on console and portal pages', async (payload) => {
    const n = PAYLOADS.indexOf(payload)
    const column = await createColumn(t.db, systemActor('test'), {
      agencyId: publisher.agencyId,
      name: `栏目${payload}`.slice(0, 60),
      slug: `xss-${n}`,
    })
    const draft = await createDraft(t.db, publisher, {
      columnId: column.id,
      title: `标题${payload}`,
      docNumber: payload.slice(0, 100),
      publisherName: payload.slice(0, 100),
      keywords: [payload.slice(0, 30), '关键词'],
      summary: payload,
      bodyHtml: `<p>正文${payload}</p>${payload}`,
      madeOn: '2026-03-02',
    })
    await addAttachment(
      t.db,
      publisher,
      { itemId: draft.id, fileName: `${payload.replace(/[/\\]/g, '')}.pdf`, bytes: PDF },
      { uploadsDir: uploadsDirOf(dataDir) },
    )
    await submitForReview(t.db, publisher, { id: draft.id })
    await returnForChanges(t.db, reviewer, { id: draft.id, reason: `退回${payload}` })
    const pages = [
      '/admin/catalogue/items',
      `/admin/catalogue/items/${draft.id}`,
      '/admin/catalogue/deadlines',
    ]
    for (const cookie of cookies) {
      for (const url of pages) {
        const r = await app.inject({ method: 'GET', url, headers: { cookie } })
        expect(r.statusCode, url).toBeLessThan(500)
        expectInert(r.body, url)
      }
    }
    await submitForReview(t.db, publisher, { id: draft.id })
    const review = await app.inject({
      method: 'GET',
      url: '/admin/catalogue/review',
      headers: { cookie: cookies[1] ?? '' },
    })
    expect(review.body).toContain(`/admin/catalogue/items/${draft.id}`)
    expectInert(review.body, 'review')
    await approveItem(t.db, reviewer, { id: draft.id })
    const portal = [
      `/zfxxgk/${publisher.agencyId}/`,
      `/zfxxgk/${publisher.agencyId}/${column.slug}/`,
      `/zfxxgk/${publisher.agencyId}/${column.slug}/${draft.id}.html`,
      `/search?q=${encodeURIComponent('标题')}`,
    ]
    for (const url of portal) {
      const r = await app.inject({ method: 'GET', url })
      expect(r.statusCode, url).toBe(200)
      expectInert(r.body, url)
    }
    const itemPage = await app.inject({ method: 'GET', url: portal[2] ?? '' })
    expect(itemPage.body).toContain('.pdf')
    await withdrawItem(t.db, reviewer, { id: draft.id, reason: `撤稿${payload}` })
    for (const url of [portal[2] ?? '', `/admin/catalogue/items/${draft.id}`]) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: cookies[2] ?? '' } })
      expectInert(r.body, `withdrawn ${url}`)
    }
  })
})
