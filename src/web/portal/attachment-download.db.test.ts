// The portal's attachment download: the stored bytes with the type found at upload, the UTF-8 name and
// nosniff; only for published items (404 otherwise, 410 once withdrawn); disguised files never get stored.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildCatalogueDesk } from '../../../test/factories.ts'
import type { Actor } from '../../accounts/index.ts'
import {
  addAttachment,
  approveItem,
  createDraft,
  submitForReview,
  uploadsDirOf,
  withdrawItem,
} from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { buildServer } from '../server.ts'

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
const EXE = Buffer.from('MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode', 'latin1')

describeDb('portal: attachment downloads', () => {
  const t = useTestDb()
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-attachments-'))
  const uploads = { uploadsDir: uploadsDirOf(dataDir) }
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildServer({
      db: t.db,
      config: { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12, dataDir },
    })
  })
  afterAll(async () => {
    await app.close()
  })

  async function itemWithPdf(desk: { column: { id: number }; publisher: Actor }, title: string) {
    const draft = await createDraft(t.db, desk.publisher, {
      columnId: desk.column.id,
      title,
      madeOn: '2026-03-02',
    })
    const attachment = await addAttachment(
      t.db,
      desk.publisher,
      { itemId: draft.id, fileName: '2026年预算公开说明.pdf', bytes: PDF },
      uploads,
    )
    return { draft, attachment }
  }

  it('serves a published item’s attachment with its type, UTF-8 name and nosniff, linked from the item page', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const { draft, attachment } = await itemWithPdf(desk, '附件下载测试')
    const url = `/zfxxgk/${desk.agency.id}/${desk.column.slug}/attachments/${attachment.id}`
    // Not published yet: nobody outside sees it.
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(404)

    await submitForReview(t.db, desk.publisher, { id: draft.id })
    await approveItem(t.db, desk.reviewer, { id: draft.id })
    const page = await app.inject({
      method: 'GET',
      url: `/zfxxgk/${desk.agency.id}/${desk.column.slug}/${draft.id}.html`,
    })
    expect(page.body).toContain(`href="${url}"`)
    expect(page.body).toContain('2026年预算公开说明.pdf')

    const response = await app.inject({ method: 'GET', url })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="attachment-${attachment.id}.pdf"; filename*=UTF-8''${encodeURIComponent('2026年预算公开说明.pdf')}`,
    )
    expect(response.rawPayload.equals(PDF)).toBe(true)

    const etag = String(response.headers.etag)
    const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)

    // Another column's URL, an unknown id, a malformed id: 404.
    const wrongColumn = `/zfxxgk/${desk.agency.id}/no-such-column/attachments/${attachment.id}`
    expect((await app.inject({ method: 'GET', url: wrongColumn })).statusCode).toBe(404)
    const unknown = `/zfxxgk/${desk.agency.id}/${desk.column.slug}/attachments/999999`
    expect((await app.inject({ method: 'GET', url: unknown })).statusCode).toBe(404)
    const malformed = `/zfxxgk/${desk.agency.id}/${desk.column.slug}/attachments/1x`
    expect((await app.inject({ method: 'GET', url: malformed })).statusCode).toBe(404)
    const otherAgency = await buildCatalogueDesk(t.db)
    const foreign = `/zfxxgk/${otherAgency.agency.id}/${otherAgency.column.slug}/attachments/${attachment.id}`
    expect((await app.inject({ method: 'GET', url: foreign })).statusCode).toBe(404)

    await withdrawItem(t.db, desk.reviewer, { id: draft.id, reason: '内容已过时' })
    const gone = await app.inject({ method: 'GET', url })
    expect(gone.statusCode).toBe(410)
    expect(gone.body).toContain('已撤稿')
  })

  it('refuses disguised files at upload: HTML named .pdf, an executable named .docx', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const draft = await createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: '伪装附件' })
    for (const [fileName, bytes] of [
      ['通知.pdf', Buffer.from('<html><script>alert(1)</script></html>')],
      ['附件.docx', EXE],
    ] as const) {
      const err = await addAttachment(
        t.db,
        desk.publisher,
        { itemId: draft.id, fileName, bytes },
        uploads,
      ).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DomainError)
      expect((err as DomainError).message).toContain('不是允许的文件类型')
    }
    const stored = await t.db
      .selectFrom('catalogue_attachments')
      .select('id')
      .where('item_id', '=', draft.id)
      .execute()
    expect(stored).toEqual([])
  })
})
