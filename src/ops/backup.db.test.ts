// Backup → wipe → restore leaves every table and every uploaded file identical, on SQLite and PostgreSQL.
// The database is seeded through the operations (and the test factories) so that every table holds rows; a
// table added later without a seed here makes the first test fail, so the round trip keeps covering it.
import { ensureJob } from '../jobs/jobs.queries.ts'
import { countHit } from '../web/cluster/rate-limit.queries.ts'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, TEST_ENGINE } from '../../test/create-test-db.ts'
import { buildActor, buildApplication, buildCatalogueDesk, TEST_PASSWORD } from '../../test/factories.ts'
import { authenticate, createSession, seedDemo, systemActor } from '../accounts/index.ts'
import {
  addCalendarOverride,
  declareCalendarYear,
  installCalendarOverrides,
  NO_OVERRIDES,
} from '../calendar/index.ts'
import { saveLetterSettings, saveLetterTemplate, sendFeeNotice, sendLetter } from '../applications/index.ts'
import { upsertManualFigure } from '../annual-report/compute/manual-figure.queries.ts'
import { insertVersion, upsertDraft } from '../annual-report/publish/report-publish.queries.ts'
import { recordAppeal } from '../appeals/index.ts'
import { createCase } from '../applications/operations/create-case.ts'
import { importItems } from '../bulk-import/index.ts'
import {
  addAttachment,
  approveItem,
  createDraft,
  submitForReview,
  updateCatalogueSettings,
} from '../catalogue/index.ts'
import { connect, isoNow, type DB } from '../storage/index.ts'
import type { BackupConfig } from './backup.ts'
import { hashFile, listFiles } from './backup-files.ts'
import { allRows, createBackup, listTables, restoreBackup, RestoreRefused, tablesWithRows } from './index.ts'

const PG_URL = process.env.DATABASE_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

/** A row as comparable text: binary columns by their hash, keys in a fixed order. */
function rowText(row: Record<string, unknown>): string {
  const keys = Object.keys(row).sort()
  return JSON.stringify(
    keys.map((k) => {
      const v = row[k]
      if (Buffer.isBuffer(v) || v instanceof Uint8Array) {
        return `sha256:${createHash('sha256').update(v).digest('hex')}`
      }
      if (v instanceof Date) return v.toISOString()
      return v
    }),
  )
}

/** Every table's rows (as sorted text) and every uploaded file's hash. */
async function snapshot(db: DB, dataDir: string) {
  const tables: Record<string, string[]> = {}
  for (const table of await listTables(db)) tables[table] = (await allRows(db, table)).map(rowText).sort()
  const files: Record<string, string> = {}
  const uploads = path.join(dataDir, 'uploads')
  for (const file of await listFiles(uploads)) files[file] = (await hashFile(path.join(uploads, file))).sha256
  return { tables, files }
}

const at = (date: string) => ({ now: new Date(`${date}T02:00:00Z`) })

async function seedEveryTable(db: DB, uploadsDir: string): Promise<void> {
  await seedDemo(db, { adminPassword: 'demo-admin-2026' })
  const desk = await buildCatalogueDesk(db)
  await updateCatalogueSettings(db, await buildActor(db, desk.agency, 'agency_admin'), {
    agencyId: desk.agency.id,
    indexPattern: '{code}/{year}-{serial:5}',
  })
  const draft = await createDraft(db, desk.publisher, {
    columnId: desk.column.id,
    title: '关于备份恢复演练的通知',
    madeOn: '2026-03-02',
    bodyHtml: '<p>第一条　数据应当定期备份。</p>',
  })
  for (const text of ['%PDF-1.7\n第一份\n%%EOF\n', '%PDF-1.7\n第二份\n%%EOF\n']) {
    await addAttachment(
      db,
      desk.publisher,
      { itemId: draft.id, fileName: '附件.pdf', bytes: Buffer.from(text) },
      { uploadsDir },
    )
  }
  await submitForReview(db, desk.publisher, { id: draft.id })
  await approveItem(db, desk.reviewer, { id: draft.id }, new Date('2026-03-10T02:00:00Z'))
  await upsertDraft(db, {
    agency_id: desk.agency.id,
    year: 2025,
    sections_json: JSON.stringify({ overview: '概述' }),
    previous_json: null,
    previous_source: null,
    updated_by: null,
    updated_at: isoNow(),
  })
  await insertVersion(db, {
    agency_id: desk.agency.id,
    year: 2025,
    version: 1,
    item_id: draft.id,
    report_json: '{}',
    tables_json: '{}',
    content_hash: 'sha256:0',
    change_note: null,
    override_reason: null,
    error_count: 0,
    published_by: null,
    published_at: isoNow(),
  })

  const officer = await buildActor(db, desk.agency, 'case_officer')
  const admin = await buildActor(db, desk.agency, 'agency_admin')
  await saveLetterSettings(db, admin, { agencyId: desk.agency.id, letterPrefix: '示例依公开' })
  await saveLetterTemplate(db, admin, {
    agencyId: desk.agency.id,
    kind: 'fee_notice',
    title: '收费通知书',
    body: '{申请人}：请缴费。',
  })
  const { id } = await buildApplication(db, desk.agency, undefined, { officerId: officer.userId })
  await createCase(
    db,
    {
      agencyId: desk.agency.id,
      channel: 'online',
      description: '备份演练：附有身份证明的申请',
      documentRef: null,
      formWanted: 'electronic',
      deliveryMethod: 'email',
      intakeNote: null,
      idempotencyKey: `ops-${randomBytes(4).toString('hex')}`,
      officerId: null,
      createdBy: null,
      applicant: {
        type: 'natural_person',
        orgSubtype: null,
        name: '王五',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        contactName: null,
        phone: '13700137000',
        email: null,
        address: null,
        postcode: null,
      },
      events: [{ type: 'received', on: '2026-03-02', channel: 'in_person' }],
      attachments: [
        { kind: 'id_copy', fileName: '身份证.png', mediaType: 'image/png', content: randomBytes(64) },
      ],
    },
    isoNow(),
    {},
  )
  await sendFeeNotice(
    db,
    officer,
    { applicationId: id, on: '2026-03-04', fee: { method: 'per_volume', pages: 150 } },
    at('2026-03-04'),
  )
  await sendLetter(
    db,
    officer,
    { applicationId: id, on: '2026-03-04', request: 'fee_notice' },
    at('2026-03-04'),
  )

  await recordAppeal(db, officer, {
    agencyId: desk.agency.id,
    kind: 'review',
    caseNumber: '示复〔2026〕7号',
    filedOn: '2026-03-05',
    applicationId: id,
    outcome: 'pending',
  })
  await upsertManualFigure(db, {
    agency_id: desk.agency.id,
    year: 2025,
    cell: 't2.art20_5.administrative_licensing.decisions_this_year',
    value: '12',
    source: '省政务服务平台统计 2026-01-05',
    updated_by: admin.userId,
    updated_at: isoNow(),
  })
  // A year no other test of this file computes deadlines in; the process-wide overrides are reset in afterAll.
  await addCalendarOverride(db, systemActor('test'), { date: '2031-01-01', kind: 'holiday', note: '元旦' })
  await declareCalendarYear(db, systemActor('test'), { year: 2031, note: '国办发明电〔2030〕7号' })
  await createSession(db, officer.userId)
  await authenticate(db, { username: 'admin', password: `${TEST_PASSWORD}-wrong` }).catch(() => undefined)
  const importFile = path.join(uploadsDir, '..', `bulk-${randomBytes(4).toString('hex')}.jsonl`)
  await writeFile(importFile, `${JSON.stringify({ title: '批量导入的信息', publishedOn: '2026-03-11' })}\n`)
  await importItems(db, systemActor('cli'), {
    file: importFile,
    agency: String(desk.agency.id),
    column: desk.column.slug,
  })
  await ensureJob(db, 'catalogue.publish-due', '2026-03-11T00:00:00.000Z')
  await countHit(db, 'search:127.0.0.1', '2099-01-01T00:00:00.000Z')
}

describeDb('backup and restore', () => {
  let root = ''
  let config: BackupConfig
  let schema = ''
  let db: DB

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'gongkai-ops-backup-'))
    const dataDir = path.join(root, 'data')
    if (TEST_ENGINE === 'sqlite') {
      config = { dataDir, database: { engine: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') } }
    } else {
      schema = `test_ops_${process.pid}_${randomBytes(4).toString('hex')}`
      await adminQuery(`create schema ${schema}`)
      const url = new URL(PG_URL)
      url.searchParams.set('options', `-c search_path=${schema}`)
      config = { dataDir, database: { engine: 'postgres', url: url.toString() } }
    }
    db = await connect(config)
  }, 60_000)

  afterAll(async () => {
    installCalendarOverrides(NO_OVERRIDES)
    await db.destroy()
    if (schema !== '') await adminQuery(`drop schema if exists ${schema} cascade`)
    await rm(root, { recursive: true, force: true })
  })

  it('round trip: every table and every uploaded file is identical after backup → wipe → restore', async () => {
    const uploads = path.join(config.dataDir, 'uploads')
    await seedEveryTable(db, uploads)
    // Every table holds rows (tablesWithRows leaves out the migration and full-text shadow tables by design).
    const tables = (await listTables(db)).filter((t) => !/^kysely_migration|^search_fts_/.test(t))
    const withRows = await tablesWithRows(db)
    const unseeded = tables.filter((t) => !withRows.includes(t))
    expect(unseeded, 'tables without rows: add a seed for each to seedEveryTable in this file').toEqual([])
    for (const table of await listTables(db)) {
      if (table !== 'kysely_migration_lock') {
        expect({ table, rows: (await allRows(db, table)).length > 0 }).toEqual({ table, rows: true })
      }
    }
    const before = await snapshot(db, config.dataDir)
    expect(Object.keys(before.files).length).toBeGreaterThanOrEqual(2)

    // Online: the server's connection stays open while the backup runs.
    const out = path.join(root, 'backup.tgz')
    const { manifest } = await createBackup(config, out)
    expect(manifest.engine).toBe(TEST_ENGINE)
    expect(manifest.migrations.length).toBeGreaterThan(0)
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(before.files)
        .map((f) => `uploads/${f}`)
        .sort(),
    )

    await db.destroy()
    await wipe(config, schema)
    await rm(uploads, { recursive: true, force: true })

    const restored = await restoreBackup(config, out)
    expect(restored.migrated).toEqual([])
    db = await connect(config)
    const after = await snapshot(db, config.dataDir)
    expect(Object.keys(after.tables).sort()).toEqual(Object.keys(before.tables).sort())
    for (const table of Object.keys(before.tables)) {
      expect({ table, rows: after.tables[table] }).toEqual({ table, rows: before.tables[table] })
    }
    expect(after.files).toEqual(before.files)
    // Sequences came back too: a new row does not collide with a restored id.
    await seedDemo(db)
    await buildCatalogueDesk(db)
  }, 120_000)

  it('refuses to overwrite a database with data unless forced, and a damaged backup always', async () => {
    const dir = path.join(root, 'backup-dir')
    await createBackup(config, dir)
    await expect(createBackup(config, dir)).rejects.toThrow(/not empty|already exists/)
    await expect(restoreBackup(config, dir)).rejects.toThrow(/not empty.*--force/)

    // --check verifies without touching the target (which holds data, so a real restore would need --force).
    const checked = await restoreBackup(config, dir, { checkOnly: true })
    expect(checked.migrated).toEqual([])
    const { manifest } = await restoreBackup(config, dir, { force: true })
    const file = manifest.files[0]
    expect(file).toBeDefined()
    const damaged = path.join(dir, ...(file?.path ?? '').split('/'))
    await writeFile(damaged, Buffer.concat([await readFile(damaged), Buffer.from('x')]))
    await expect(restoreBackup(config, dir, { force: true })).rejects.toThrow(RestoreRefused)
    await expect(restoreBackup(config, dir, { force: true })).rejects.toThrow(/does not match its checksum/)
    await expect(restoreBackup(config, dir, { checkOnly: true })).rejects.toThrow(
      /does not match its checksum/,
    )
  }, 120_000)
})

async function wipe(config: BackupConfig, schema: string): Promise<void> {
  if (config.database.engine === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) await rm(`${config.database.file}${suffix}`, { force: true })
  } else {
    await adminQuery(`drop schema ${schema} cascade`)
  }
}
