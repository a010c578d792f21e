import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { listAuditLog, systemActor } from '../../accounts/index.ts'
import type { Agency } from '../../accounts/index.ts'
import { searchDocuments } from '../../search/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { DEFAULT_TOPICS, findTopic } from '../topic-vocabulary.ts'
import { readSavedPage } from '../import/read-saved-page.ts'
import { ensureDefaultColumns } from './ensure-default-columns.ts'
import { importSavedPage } from './import-saved-page.ts'

const CLI = systemActor('cli')
const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)))
const SEED = 'src/annual-report/fixtures/seed-tianshuijun-2021.txt'
const POLICY_PAGE = 'src/catalogue/import/fixtures/qinzhou-policy-page.html'

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DomainError)
  return err as DomainError
}

describeDb('importSavedPage', () => {
  const t = useTestDb()
  let agency: Agency

  beforeAll(async () => {
    agency = await buildAgency(t.db, { name: '天水郡街道', creditCode: TEST_CREDIT_CODE })
    await ensureDefaultColumns(t.db, CLI, agency.id)
  })

  it('imports the seed page keeping its 索引号, 发布机构 and 发布时间, searchable and audited', async () => {
    const page = readSavedPage(fixture(SEED), SEED)
    const { item, warnings } = await importSavedPage(t.db, CLI, {
      agency: '天水郡街道',
      column: 'annual-reports',
      page,
      source: SEED,
    })
    expect(warnings).toEqual([])
    expect(item).toMatchObject({
      status: 'published',
      indexNumber: '20230618-163525-505',
      publisherName: '天水郡街道',
      publishedOn: '2021-12-31',
      title: '秦州区天水郡街道2021年政府信息公开工作年度报告',
    })
    expect(item.publishedAt).toBe('2021-12-30T16:00:00.000Z')

    expect(item.bodyHtml).toContain('<table')
    const found = await searchDocuments(t.db, { text: '天水郡', agencyIds: [agency.id], limit: 10, offset: 0 })
    expect(found.hits.map((h) => h.id)).toContain(item.id)

    const { items } = await listAuditLog(t.db, systemActor('test'), { pageSize: 100 })
    const entry = items.find((e) => e.targetType === 'catalogue_item' && e.targetId === String(item.id))
    expect(entry?.action).toBe('catalogue.item.import')
  })

  it('maps 主题分类 to the vocabulary, keeps 文号 and 成文日期, and finds the column by name', async () => {
    const page = readSavedPage(fixture(POLICY_PAGE), POLICY_PAGE)
    const { item, warnings } = await importSavedPage(t.db, CLI, {
      agency: TEST_CREDIT_CODE,
      column: '政策文件',
      page,
      source: POLICY_PAGE,
    })
    expect(warnings).toEqual([])
    expect(item).toMatchObject({
      indexNumber: '11620502MB1958744R/2022-00031',
      docNumber: '秦政办发〔2022〕12号',
      writtenOn: '2022-03-10',
      publishedOn: '2022-03-15',
      validity: 'valid',
    })
    expect(findTopic(DEFAULT_TOPICS, item.topicCode ?? '')?.label).toBe('综合政务\\其他')
    expect(item.bodyHtml).not.toMatch(/<img|<script|on\w+=/i)
  })

  it('skips a page whose 索引号 is already taken, leaving the existing item as it was', async () => {
    const page = readSavedPage(fixture(SEED), SEED)
    const err = await refusal(
      importSavedPage(t.db, CLI, {
        agency: '天水郡街道',
        column: 'annual-reports',
        page: { ...page, title: '被改过的标题' },
        source: SEED,
      }),
    )
    expect(err.code).toBe('conflict')
    expect(err.message).toContain('20230618-163525-505')
    const rows = await t.db
      .selectFrom('catalogue_items')
      .select('title')
      .where('index_number', '=', '20230618-163525-505')
      .execute()
    expect(rows).toEqual([{ title: '秦州区天水郡街道2021年政府信息公开工作年度报告' }])
  })

  it('warns about a 主题分类 outside the vocabulary and numbers a page that printed no 索引号', async () => {
    const page = readSavedPage(fixture(POLICY_PAGE), POLICY_PAGE)
    const { item, warnings } = await importSavedPage(t.db, CLI, {
      agency: '天水郡街道',
      column: 'annual-reports',
      page: { ...page, indexNumber: null, topic: '不存在的分类\\子类', validity: '有点效' },
      source: 'x.html',
    })
    expect(item.topicCode).toBeNull()
    expect(item.indexNumber).toBe(`${TEST_CREDIT_CODE}/2022-00001`)
    expect(warnings.join('\n')).toContain('主题分类“不存在的分类\\子类”不在本机构的分类表中')
    expect(warnings.join('\n')).toContain('有效性“有点效”无法识别')
  })

  it('refuses unknown agencies and columns, pages without 发布日期, and any actor but the platform', async () => {
    const page = readSavedPage(fixture(SEED), SEED)
    const input = { agency: '天水郡街道', column: 'annual-reports', page, source: SEED }
    expect((await refusal(importSavedPage(t.db, CLI, { ...input, agency: '无此机构' }))).code).toBe('not_found')
    expect((await refusal(importSavedPage(t.db, CLI, { ...input, column: '无此栏目' }))).code).toBe('not_found')
    const undated = { ...input, page: { ...page, indexNumber: 'X-1', publishedOn: null } }
    expect((await refusal(importSavedPage(t.db, CLI, undated))).code).toBe('invalid_input')
    const publisher = await buildActor(t.db, agency, 'publisher')
    const other = { ...input, page: { ...page, indexNumber: 'X-2' } }
    expect((await refusal(importSavedPage(t.db, publisher, other))).code).toBe('forbidden')
  })
})
