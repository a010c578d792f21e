// `gongkai catalogue publish-due` through the real bin on a SQLite file: publishes what is due, once.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCatalogueDesk } from '../../../test/factories.ts'
import { runGongkai as gongkai, type CliRun as Run } from '../../../test/run-cli.ts'
import { approveItem, createDraft, submitForReview } from '../../catalogue/index.ts'
import { connect } from '../../storage/index.ts'

describe('gongkai catalogue publish-due', () => {
  let file = ''
  let itemId = 0
  let first: Run = { code: -1, stdout: '', stderr: '' }
  let again: Run = { code: -1, stdout: '', stderr: '' }

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-publish-due-'))
    file = join(dataDir, 'gongkai.sqlite')
    const db = await connect({ database: { engine: 'sqlite', file } })
    try {
      const desk = await buildCatalogueDesk(db)
      const draft = await createDraft(db, desk.publisher, {
        columnId: desk.column.id,
        title: '到期定时发布的通知',
        madeOn: '2025-11-28',
      })
      await submitForReview(db, desk.publisher, { id: draft.id })
      // Approved "in 2025" for a time in 2026 that has passed by now.
      await approveItem(
        db,
        desk.reviewer,
        { id: draft.id, scheduledAt: '2026-01-05T09:00:00+08:00' },
        new Date('2025-12-01'),
      )
      itemId = draft.id
    } finally {
      await db.destroy()
    }
    process.env.GONGKAI_DATA_DIR = dataDir
    delete process.env.DATABASE_URL
    first = await gongkai('catalogue', 'publish-due')
    again = await gongkai('catalogue', 'publish-due', '--json')
  }, 120_000)

  it('publishes the due item and says so', async () => {
    expect(first.stderr).toBe('')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(`已发布：信息 ${itemId}`)
    expect(first.stdout).toContain('到期的定时发布：已发布 1 条，失败 0 条')
    const db = await connect({ database: { engine: 'sqlite', file } })
    try {
      const row = await db
        .selectFrom('catalogue_items')
        .select(['status', 'index_number'])
        .where('id', '=', itemId)
        .executeTakeFirst()
      expect(row?.status).toBe('published')
      expect(row?.index_number).toMatch(/\/2026-00001$/)
    } finally {
      await db.destroy()
    }
  })

  it('finds nothing due on a second run', () => {
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toEqual({ published: [], failed: [] })
  })
})
