// The catalogue console through HTTP on both engines: a 信息发布员 drafts (the preview shows the sanitised body,
// a refused save keeps what was typed), a 保密审查员 returns it with a reason, the draft is fixed and approved,
// then withdrawn; a disguised attachment is refused with a Chinese message; the columns page manages the tree.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor, type Agency } from '../../../accounts/index.ts'
import { buildAgency, buildUser } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  type CsrfPair,
} from '../../testing/web-test-kit.ts'
import { ensureDefaultColumns, getColumnTree } from './catalogue-operations.ts'

describeDb('catalogue console', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let agency: Agency
  let editor: CsrfPair
  let reviewer: CsrfPair
  let admin: CsrfPair
  let columnId: number

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    agency = await buildAgency(t.db, {
      name: '示例县人民政府办公室',
      kind: 'general_office',
      creditCode: '11370900004341590P',
    })
    const tree = await ensureDefaultColumns(t.db, systemActor('test'), agency.id)
    columnId = tree[0]?.id ?? 0
    const as = async (role: 'publisher' | 'reviewer' | 'agency_admin') => {
      const { user } = await buildUser(t.db, { agency, roles: [role] })
      return fetchCsrf(app, await sessionCookie(t.db, user), '/admin/catalogue/items')
    }
    editor = await as('publisher')
    reviewer = await as('reviewer')
    admin = await as('agency_admin')
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (who: CsrfPair, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })
  const itemIdOf = (location: string | undefined) => Number(/items\/(\d+)/.exec(location ?? '')?.[1])

  it('runs draft → return with a reason → fix → approve → withdraw, each step by its role', async () => {
    const draft = {
      columnId: String(columnId),
      title: '关于印发示例办法的通知',
      docNumber: '示府办〔2026〕1号',
      madeOn: '2026-11-20',
    }
    const preview = await postForm(app, editor, '/admin/catalogue/items/new', {
      ...draft,
      bodyHtml: '<p onclick="alert(1)">正文<script>alert(2)</script></p>',
      intent: 'preview',
    })
    expect(preview.statusCode).toBe(200)
    expect(preview.body).toContain('<p>正文</p>')
    expect(preview.body).not.toContain('<script>alert(2)')
    expect(preview.body).toContain('示府办〔2026〕1号')

    const refused = await postForm(app, editor, '/admin/catalogue/items/new', {
      ...draft,
      title: '',
      intent: 'save',
    })
    expect(refused.statusCode).toBe(422)
    expect(refused.body).toContain('请填写标题')
    expect(refused.body).toContain('示府办〔2026〕1号')

    const created = await postForm(app, editor, '/admin/catalogue/items/new', { ...draft, intent: 'save' })
    expect(created.statusCode).toBe(303)
    const id = itemIdOf(created.headers.location)
    expect((await get(editor, `/admin/catalogue/items/${id}`)).body).toContain('提交保密审查')
    expect((await postForm(app, editor, `/admin/catalogue/items/${id}/submit`, {})).statusCode).toBe(303)

    const queue = await get(reviewer, '/admin/catalogue/review')
    expect(queue.body).toContain('关于印发示例办法的通知')
    const noReason = await postForm(app, reviewer, `/admin/catalogue/items/${id}/return`, { reason: '' })
    expect(noReason.statusCode).toBe(422)
    expect(noReason.body).toContain('请填写原因')
    expect(
      (await postForm(app, reviewer, `/admin/catalogue/items/${id}/return`, { reason: '文号有误' }))
        .statusCode,
    ).toBe(303)
    expect((await get(editor, `/admin/catalogue/items/${id}`)).body).toContain('文号有误')

    const fixed = await postForm(app, editor, `/admin/catalogue/items/${id}/edit`, {
      ...draft,
      docNumber: '示府办〔2026〕2号',
      intent: 'save',
    })
    expect(fixed.statusCode).toBe(303)
    await postForm(app, editor, `/admin/catalogue/items/${id}/submit`, {})
    const approved = await postForm(app, reviewer, `/admin/catalogue/items/${id}/approve`, {
      scheduledAt: '',
    })
    expect(approved.statusCode, /class="alert"[^<]*<[^>]*>([^<]*)/.exec(approved.body)?.[0]).toBe(303)
    const published = await get(editor, `/admin/catalogue/items/${id}`)
    expect(published.body).toContain('已发布')
    expect(published.body).toMatch(/\/\d{4}-\d{5}/)

    expect(
      (await postForm(app, reviewer, `/admin/catalogue/items/${id}/withdraw`, { reason: '内容已过时' }))
        .statusCode,
    ).toBe(303)
    expect((await get(admin, `/admin/catalogue/items/${id}`)).body).toContain('内容已过时')
  })

  it('refuses a disguised attachment with a Chinese message and keeps the item page', async () => {
    const created = await postForm(app, editor, '/admin/catalogue/items/new', {
      columnId: String(columnId),
      title: '附件测试',
      intent: 'save',
    })
    const id = itemIdOf(created.headers.location)
    const boundary = '----gongkai-test'
    const payload = [
      `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${editor.token}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n<html><script>alert(1)</script></html>\r\n`,
      `--${boundary}--\r\n`,
    ].join('')
    const r = await app.inject({
      method: 'POST',
      url: `/admin/catalogue/items/${id}/attachments`,
      headers: { cookie: editor.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    })
    expect(r.statusCode).toBe(422)
    expect(r.body).toContain('附件内容不是允许的文件类型')
    expect(r.body).toContain('附件测试')
  })

  it('lets the agency administrator add and reorder columns, and refuses the publisher', async () => {
    const before = await getColumnTree(t.db, agency.id)
    const r = await postForm(app, admin, '/admin/catalogue/columns/new', {
      agencyId: String(agency.id),
      parentId: '',
      name: '专项工作',
      slug: 'special-work',
    })
    expect(r.statusCode).toBe(303)
    const after = await getColumnTree(t.db, agency.id)
    expect(after.length).toBe(before.length + 1)
    const added = after[after.length - 1]
    expect(added?.name).toBe('专项工作')
    await postForm(app, admin, `/admin/catalogue/columns/${added?.id}/move`, { direction: 'up' })
    const moved = await getColumnTree(t.db, agency.id)
    expect(moved[moved.length - 2]?.name).toBe('专项工作')
    const dup = await postForm(app, admin, '/admin/catalogue/columns/new', {
      agencyId: String(agency.id),
      name: '重复',
      slug: 'special-work',
    })
    expect(dup.statusCode).toBe(422)
    expect(dup.body).toContain('栏目标识已被使用')
    expect((await get(editor, '/admin/catalogue/columns')).statusCode).toBe(403)
  })
})
