// Bulk import of items on both engines: validation with the console's rules, rejected rows with line numbers
// and reasons, 索引号 kept or generated, search index filled, CSV (Chinese headers, quoted newlines, GBK),
// stopping after a batch and resuming without duplicates, a completed file not imported twice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { systemActor } from '../accounts/index.ts'
import { sql } from 'kysely'
import { beginWideMerging, searchDocuments } from '../search/index.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildCatalogueDesk, buildColumn } from '../../test/factories.ts'
import { importItems } from './index.ts'

const CLI = systemActor('cli')
const dir = mkdtempSync(join(tmpdir(), 'bulk-import-'))

function jsonl(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n'
}

async function countItems(db: ReturnType<typeof useTestDb>['db'], agencyId: number): Promise<number> {
  const row = await db
    .selectFrom('catalogue_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agency_id', '=', agencyId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describeDb('bulk import of items', () => {
  const t = useTestDb()

  it('imports valid rows, keeps or generates 索引号, indexes them for search and rejects the rest with reasons', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const file = join(dir, 'a.jsonl')
    writeFileSync(
      file,
      '\ufeff' +
        jsonl([
          {
            title: '关于批量导入演练的通知',
            publishedOn: '2025-03-01',
            indexNumber: 'X/2025-00001',
            bodyHtml: '<p>正文一</p>',
          },
          { title: '第二条信息', publishedOn: '2025-03-02', keywords: ['导入', '演练'] },
          { title: '', publishedOn: '2025-03-02' },
          { title: '日期错误', publishedOn: '2025-02-30' },
          { title: '重复索引号', publishedOn: '2025-03-03', indexNumber: 'X/2025-00001' },
          { title: '未知主题', publishedOn: '2025-03-03', topicCode: '99.99' },
        ]) +
        'not json\n',
    )
    const result = await importItems(t.db, CLI, {
      file,
      agency: String(desk.agency.id),
      column: desk.column.slug,
    })
    expect(result).toMatchObject({
      imported: 2,
      rejected: 5,
      totalImported: 2,
      resumed: false,
      encoding: 'utf-8',
    })
    const items = await t.db
      .selectFrom('catalogue_items')
      .select(['title', 'index_number', 'status', 'keywords'])
      .where('agency_id', '=', desk.agency.id)
      .orderBy('id')
      .execute()
    expect(items.map((i) => [i.title, i.status])).toEqual([
      ['关于批量导入演练的通知', 'published'],
      ['第二条信息', 'published'],
    ])
    expect(items[0]?.index_number).toBe('X/2025-00001')
    expect(items[1]?.index_number).toMatch(/^11620502MB1958744E\/2025-\d{5}$/)
    const hits = await searchDocuments(t.db, {
      text: '批量导入演练',
      agencyIds: [desk.agency.id],
      limit: 10,
      offset: 0,
    })
    expect(hits.total).toBe(1)
    const rejected = readFileSync(`${file}.rejected.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reasons: Record<string, string> })
    expect(rejected.map((r) => r.line).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7])
    const byLine = new Map(rejected.map((r) => [r.line, r.reasons]))
    expect(byLine.get(3)?.title).toBe('请填写标题')
    expect(byLine.get(4)?.publishedOn).toBe('日期格式应为 YYYY-MM-DD')
    expect(byLine.get(5)?.indexNumber).toContain('已存在')
    expect(byLine.get(6)?.topicCode).toContain('分类表')
    expect(byLine.get(7)?._).toBe('该行不是有效的 JSON')
    // The same file again: already complete, nothing duplicated.
    const again = await importItems(t.db, CLI, {
      file,
      agency: String(desk.agency.id),
      column: desk.column.slug,
    })
    expect(again.alreadyComplete).toBe(true)
    expect(await countItems(t.db, desk.agency.id)).toBe(2)
  })

  it('reads CSV with Chinese headers, quoted newlines and a per-row column, in GBK', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const other = await buildColumn(t.db, { agency: desk.agency, slug: 'tzgg', name: '通知公告' })
    const csv =
      '标题,发布日期,栏目,文号,正文\r\n' +
      `"含逗号,和""引号""的标题",2024-05-06,${desk.column.slug},示政发〔2024〕1号,"<p>第一段</p>\r\n<p>第二段</p>"\r\n` +
      '第二行,2024-05-07,通知公告,,\r\n' +
      '列数不对,2024-05-07\r\n'
    const file = join(dir, 'b.csv')
    writeFileSync(file, encodeGbk(csv))
    const result = await importItems(t.db, CLI, { file, agency: desk.agency.name })
    expect(result).toMatchObject({ imported: 2, rejected: 1, encoding: 'gb18030' })
    const items = await t.db
      .selectFrom('catalogue_items')
      .select(['title', 'column_id', 'doc_number', 'body_text'])
      .where('agency_id', '=', desk.agency.id)
      .orderBy('id')
      .execute()
    expect(items.map((i) => [i.title, i.column_id, i.doc_number])).toEqual([
      ['含逗号,和"引号"的标题', desk.column.id, '示政发〔2024〕1号'],
      ['第二行', other.id, null],
    ])
    expect(items[0]?.body_text).toContain('第二段')
    const [reject] = readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n')
    expect(JSON.parse(reject ?? '{}')).toMatchObject({ line: 5 })
  })

  it('stops after a committed batch and resumes where it stopped, never importing a row twice', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const rows = Array.from({ length: 1050 }, (_, i) => ({
      title: `续传测试信息${i + 1}`,
      publishedOn: '2023-01-02',
      ...(i % 100 === 7 ? { title: '' } : {}),
    }))
    const file = join(dir, 'c.jsonl')
    writeFileSync(file, jsonl(rows))
    let batches = 0
    const first = await importItems(t.db, CLI, {
      file,
      agency: String(desk.agency.id),
      column: desk.column.slug,
      batchSize: 100,
      onProgress: () => batches++,
      shouldStop: () => batches >= 3,
    })
    expect(first).toMatchObject({ stopped: true, imported: 297, rejected: 3 })
    expect(await countItems(t.db, desk.agency.id)).toBe(297)
    // Simulate a batch whose rejections were written but never committed (a kill): the re-run cuts them off.
    writeFileSync(`${file}.rejected.jsonl`, '{"line":999,"reasons":{}}\n', { flag: 'a' })
    const second = await importItems(t.db, CLI, {
      file,
      agency: String(desk.agency.id),
      column: desk.column.slug,
      batchSize: 100,
    })
    expect(second).toMatchObject({ resumed: true, stopped: false, imported: 742, rejected: 8 })
    expect(second).toMatchObject({ totalImported: 1039, totalRejected: 11 })
    expect(await countItems(t.db, desk.agency.id)).toBe(1039)
    const distinct = await t.db
      .selectFrom('catalogue_items')
      .select((eb) => eb.fn.count<number>('title').distinct().as('n'))
      .where('agency_id', '=', desk.agency.id)
      .executeTakeFirstOrThrow()
    expect(Number(distinct.n)).toBe(1039)
    const lines = readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as { line: number }).line)).toEqual(
      Array.from({ length: 11 }, (_, i) => i * 100 + 8),
    )
  })

  it('widens FTS5 merging while importing and sets it back to the default after the run (SQLite)', async () => {
    if (t.engine !== 'sqlite') return
    const automerge = async () =>
      (
        await sql<{ v: number }>`select v from search_fts_config where k = 'automerge'`.execute(t.db)
      ).rows.map((r) => Number(r.v))
    const desk = await buildCatalogueDesk(t.db)
    const file = join(dir, 'merge.jsonl')
    writeFileSync(file, jsonl([{ title: '合并设置', publishedOn: '2025-01-01' }]))
    await beginWideMerging(t.db)
    expect(await automerge()).toEqual([8])
    await importItems(t.db, CLI, { file, agency: String(desk.agency.id), column: desk.column.slug })
    expect(await automerge()).toEqual([4])
  })

  it('refuses an unknown agency, an unknown column and an unsupported file type', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const file = join(dir, 'd.jsonl')
    writeFileSync(file, jsonl([{ title: 'x', publishedOn: '2025-01-01' }]))
    await expect(importItems(t.db, CLI, { file, agency: '不存在的机构' })).rejects.toMatchObject({
      code: 'not_found',
    })
    await expect(
      importItems(t.db, CLI, { file, agency: String(desk.agency.id), column: 'nope' }),
    ).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      importItems(t.db, CLI, { file: join(dir, 'x.xlsx'), agency: String(desk.agency.id) }),
    ).rejects.toMatchObject({ code: 'invalid_input' })
  })
})

/** GBK bytes of `text` (via iconv in the standard library is not available: Node's TextDecoder only decodes). */
function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gb18030')
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0
    if (code < 0x80) {
      out.push(code)
      continue
    }
    let bytes = table.get(ch)
    if (bytes === undefined) {
      search: for (let hi = 0x81; hi <= 0xfe; hi++) {
        for (let lo = 0x40; lo <= 0xfe; lo++) {
          if (lo === 0x7f) continue
          if (decoder.decode(Uint8Array.of(hi, lo)) === ch) {
            bytes = [hi, lo]
            break search
          }
        }
      }
      if (bytes === undefined) throw new Error(`not in GBK: ${ch}`)
      table.set(ch, bytes)
    }
    out.push(...bytes)
  }
  return Buffer.from(out)
}
