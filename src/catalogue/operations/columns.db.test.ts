import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency, buildCatalogueDesk } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { ColumnNode } from '../column.ts'
import { createColumn } from './create-column.ts'
import { createDraft } from './create-draft.ts'
import { deleteColumn } from './delete-column.ts'
import { ensureDefaultColumns } from './ensure-default-columns.ts'
import { getCatalogueSettings } from './get-catalogue-settings.ts'
import { getColumnTree } from './public-reads.ts'
import { updateCatalogueSettings } from './update-catalogue-settings.ts'
import { updateColumn } from './update-column.ts'

const slugs = (nodes: readonly ColumnNode[]): string[] => nodes.map((n) => n.slug)

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  )
}

describeDb('catalogue columns and settings', () => {
  const t = useTestDb()

  it('creates the default tree once: 指南, 制度, 法定主动公开内容 (第二十条 + 第二十一条 by kind), 年报', async () => {
    const county = await buildAgency(t.db, { kind: 'government' })
    const admin = await buildActor(t.db, county, 'agency_admin')
    const tree = await ensureDefaultColumns(t.db, admin, county.id)
    expect(slugs(tree)).toEqual(['guide', 'system', 'statutory', 'annual-reports'])
    const statutory = tree[2]?.children ?? []
    expect(statutory.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        '政策文件',
        '机构职能',
        '财政预决算',
        '行政许可',
        '社会救助',
        '其他法定主动公开内容',
      ]),
    )
    expect(statutory.map((c) => c.slug)).toContain('land-expropriation')
    expect(statutory.at(-1)?.slug).toBe('other-statutory')

    // Idempotent, and an administrator's renaming survives.
    const policies = statutory.find((c) => c.slug === 'policies')
    await updateColumn(t.db, admin, { id: policies?.id ?? 0, name: '政策文件库' })
    const again = await ensureDefaultColumns(t.db, admin, county.id)
    expect(again).toHaveLength(4)
    expect(again[2]?.children).toHaveLength(statutory.length)
    expect(again[2]?.children.find((c) => c.slug === 'policies')?.name).toBe('政策文件库')

    const township = await buildAgency(t.db, { kind: 'township' })
    const townTree = await ensureDefaultColumns(
      t.db,
      await buildActor(t.db, township, 'agency_admin'),
      township.id,
    )
    expect(townTree[2]?.children.map((c) => c.slug)).toEqual(
      expect.arrayContaining(['homestead', 'irrigation']),
    )
    expect(townTree[2]?.children.map((c) => c.slug)).not.toContain('public-order')
  })

  it('lets only administrators manage columns, within their subtree', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const other = await buildAgency(t.db)
    const admin = await buildActor(t.db, desk.agency, 'agency_admin')
    expect(await codeOf(ensureDefaultColumns(t.db, desk.publisher, desk.agency.id))).toBe('forbidden')
    expect(await codeOf(ensureDefaultColumns(t.db, admin, other.id))).toBe('forbidden')
    expect(
      await codeOf(
        createColumn(t.db, desk.reviewer, { agencyId: desk.agency.id, name: '专题', slug: 'topic' }),
      ),
    ).toBe('forbidden')
  })

  it('creates, moves and deletes custom columns; refuses bad slugs, duplicates, cycles and non-empty deletes', async () => {
    const agency = await buildAgency(t.db)
    const admin = await buildActor(t.db, agency, 'agency_admin')
    const parent = await createColumn(t.db, admin, { agencyId: agency.id, name: '专题专栏', slug: 'special' })
    const child = await createColumn(t.db, admin, {
      agencyId: agency.id,
      parentId: parent.id,
      name: '优化营商环境',
      slug: 'business-environment',
    })
    expect(child).toMatchObject({ kind: 'custom', parentId: parent.id, position: 0 })
    expect(await codeOf(createColumn(t.db, admin, { agencyId: agency.id, name: 'x', slug: 'special' }))).toBe(
      'conflict',
    )
    expect(await codeOf(createColumn(t.db, admin, { agencyId: agency.id, name: 'x', slug: '专题' }))).toBe(
      'invalid_input',
    )
    // The portal's own pages under /zfxxgk/<agency>/ would shadow such a column.
    for (const slug of ['ysqgk', 'tujie']) {
      expect(await codeOf(createColumn(t.db, admin, { agencyId: agency.id, name: 'x', slug }))).toBe(
        'invalid_input',
      )
    }
    expect(await codeOf(updateColumn(t.db, admin, { id: parent.id, parentId: child.id }))).toBe(
      'invalid_input',
    )
    expect(await codeOf(deleteColumn(t.db, admin, { id: parent.id }))).toBe('conflict')

    const publisher = await buildActor(t.db, agency, 'publisher')
    await createDraft(t.db, publisher, { columnId: child.id, title: '在栏目中' })
    expect(await codeOf(deleteColumn(t.db, admin, { id: child.id }))).toBe('conflict')

    const empty = await createColumn(t.db, admin, { agencyId: agency.id, name: '空', slug: 'empty' })
    await deleteColumn(t.db, admin, { id: empty.id })
    expect(slugs(await getColumnTree(t.db, agency.id))).toEqual(['special'])

    await ensureDefaultColumns(t.db, admin, agency.id)
    const guide = (await getColumnTree(t.db, agency.id)).find((c) => c.slug === 'guide')
    expect(await codeOf(deleteColumn(t.db, admin, { id: guide?.id ?? 0 }))).toBe('conflict')
  })

  it('keeps per-agency 索引号 patterns and 主题分类 vocabularies, validated, with the national defaults', async () => {
    const desk = await buildCatalogueDesk(t.db)
    const admin = await buildActor(t.db, desk.agency, 'agency_admin')
    expect(await getCatalogueSettings(t.db, desk.agency.id)).toMatchObject({
      indexPattern: '{code}/{year}-{serial:5}',
      isDefaultIndexPattern: true,
      isDefaultTopics: true,
    })
    expect(
      await codeOf(
        updateCatalogueSettings(t.db, admin, { agencyId: desk.agency.id, indexPattern: '{code}' }),
      ),
    ).toBe('invalid_input')
    expect(
      await codeOf(
        updateCatalogueSettings(t.db, desk.publisher, {
          agencyId: desk.agency.id,
          indexPattern: 'x{serial:3}',
        }),
      ),
    ).toBe('forbidden')
    const settings = await updateCatalogueSettings(t.db, admin, {
      agencyId: desk.agency.id,
      indexPattern: 'zfb/{year}-{serial:5}',
      topics: [{ code: 'A', name: '本地分类', children: [{ code: 'A.1', name: '子类' }] }],
    })
    expect(settings).toMatchObject({ indexPattern: 'zfb/{year}-{serial:5}', isDefaultTopics: false })
    expect(
      await codeOf(
        createDraft(t.db, desk.publisher, { columnId: desk.column.id, title: 'x', topicCode: '02.01' }),
      ),
    ).toBe('invalid_input')
    const ok = await createDraft(t.db, desk.publisher, {
      columnId: desk.column.id,
      title: 'x',
      topicCode: 'A.1',
    })
    expect(ok.topicCode).toBe('A.1')
  })
})
