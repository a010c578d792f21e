// A small hand-checked world for the 考核 overview: office 监督机关 with 甲局 (and its 甲局下属所) and 乙局,
// plus an unrelated office. Figures for 2025 are written in the comments next to the rows that make them.
import { buildAgency, buildColumn } from '../../test/factories.ts'
import type { Agency } from '../accounts/index.ts'
import type { DB } from '../storage/index.ts'
import { isoNow } from '../storage/index.ts'

let serial = 0

export async function seedItem(
  db: DB,
  agency: Agency,
  item: { publishedOn: string | null; onTime: number | null; status?: string },
): Promise<number> {
  const now = isoNow()
  const row = await db
    .insertInto('catalogue_items')
    .values({
      agency_id: agency.id,
      column_id: (await buildColumn(db, { agency })).id,
      status: item.status ?? 'published',
      index_number: null,
      title: '考核测试文件',
      topic_code: null,
      publisher_name: agency.name,
      written_on: item.publishedOn,
      published_on: item.publishedOn,
      doc_number: null,
      validity: 'valid',
      effective_on: null,
      repealed_on: null,
      keywords: '',
      summary: '',
      body_html: '',
      body_text: '',
      item_type: 'ordinary',
      made_on: item.publishedOn,
      published_on_time: item.onTime,
      view_count: 0,
      scheduled_at: null,
      published_at: item.publishedOn === null ? null : `${item.publishedOn}T02:00:00.000Z`,
      submitted_at: null,
      return_reason: null,
      withdrawn_at: null,
      withdrawal_reason: null,
      created_by: null,
      reviewed_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function seedCase(
  db: DB,
  agency: Agency,
  c: { status: string; due: string | null; concluded?: string; outcome?: string },
): Promise<void> {
  const now = isoNow()
  serial += 1
  await db
    .insertInto('applications')
    .values({
      agency_id: agency.id,
      tracking_code: `KH${process.pid}X${serial}`.slice(0, 24),
      channel: 'online',
      description: '考核测试申请',
      document_ref: null,
      form_wanted: 'paper',
      delivery_method: 'post',
      intake_note: null,
      idempotency_key: null,
      officer_id: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      status: c.status,
      answer_state: c.concluded === undefined ? 'running' : 'not_started',
      received_on: '2025-01-02',
      due_date: c.due,
      concluded_on: c.concluded ?? null,
      outcome: c.outcome ?? (c.concluded === undefined ? null : 'disclosed'),
      event_count: 1,
    })
    .execute()
}

export async function seedAppeal(
  db: DB,
  agency: Agency,
  a: { kind: string; outcome: string; concluded: string | null },
): Promise<void> {
  const now = isoNow()
  serial += 1
  await db
    .insertInto('appeals')
    .values({
      agency_id: agency.id,
      kind: a.kind,
      case_number: `考核案${serial}`,
      filed_on: '2025-01-10',
      application_id: null,
      agency_role: 'original',
      outcome: a.outcome,
      concluded_on: a.concluded,
      note: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

export async function seedReport(db: DB, agency: Agency, year: number, publishedAt: string, version = 1) {
  const itemId = await seedItem(db, agency, { publishedOn: publishedAt.slice(0, 10), onTime: null })
  await db
    .insertInto('report_versions')
    .values({
      agency_id: agency.id,
      year,
      version,
      item_id: itemId,
      report_json: '{}',
      tables_json: '{}',
      content_hash: 'x'.repeat(64),
      change_note: null,
      override_reason: null,
      error_count: 0,
      published_by: null,
      published_at: publishedAt,
    })
    .execute()
  return itemId
}

export interface KaoheWorld {
  office: Agency
  jia: Agency
  jiaSub: Agency
  yi: Agency
  other: Agency
}

/** The world; overdue cases are due in 2025 (so overdue on any later day), open ones not overdue in 2099. */
export async function buildKaoheWorld(db: DB): Promise<KaoheWorld> {
  const office = await buildAgency(db, { name: '监督机关', kind: 'government' })
  const jia = await buildAgency(db, { parent: office, name: '甲局', kind: 'department' })
  const jiaSub = await buildAgency(db, { parent: jia, name: '甲局下属所', kind: 'township' })
  const yi = await buildAgency(db, { parent: office, name: '乙局', kind: 'department' })
  const other = await buildAgency(db, { name: '无关机关', kind: 'government' })

  // 甲局 主动公开 2025: 4 published (one withdrawn since), on time 2 of 3 known → 66.7%.
  await seedItem(db, jia, { publishedOn: '2025-02-01', onTime: 1 })
  await seedItem(db, jia, { publishedOn: '2025-12-31', onTime: 1, status: 'withdrawn' })
  await seedItem(db, jia, { publishedOn: '2025-06-01', onTime: 0 })
  await seedItem(db, jia, { publishedOn: '2025-07-01', onTime: null })
  await seedItem(db, jia, { publishedOn: '2024-12-31', onTime: 1 }) // other year
  await seedItem(db, jia, { publishedOn: null, onTime: null, status: 'draft' }) // not published
  // The office's own and the unrelated office's items never show.
  await seedItem(db, office, { publishedOn: '2025-03-01', onTime: 1 })
  await seedItem(db, other, { publishedOn: '2025-03-01', onTime: 1 })

  // 甲局 依申请 2025: answered 3, on time 2 (one on its due date) → 66.7%; overdue now 2.
  await seedCase(db, jia, { status: 'answered', due: '2025-03-10', concluded: '2025-03-01' })
  await seedCase(db, jia, { status: 'closed', due: '2025-05-10', concluded: '2025-05-20' })
  await seedCase(db, jia, { status: 'answered', due: '2025-06-01', concluded: '2025-06-01' })
  await seedCase(db, jia, {
    status: 'abandoned',
    due: '2025-07-01',
    concluded: '2025-07-01',
    outcome: 'abandoned_no_correction',
  })
  await seedCase(db, jia, { status: 'answered', due: '2024-12-20', concluded: '2024-12-10' }) // other year
  await seedCase(db, jia, { status: 'in_progress', due: '2025-12-01' }) // overdue
  await seedCase(db, jia, { status: 'awaiting_correction', due: '2025-11-01' }) // overdue
  await seedCase(db, jia, { status: 'in_progress', due: '2099-12-31' }) // not yet due
  await seedCase(db, jia, { status: 'in_progress', due: null }) // due date unknown
  // 乙局: answered 1 of 1 on time; overdue 1. (Its only item of 2025 is its 2024 report, below.)
  await seedCase(db, yi, { status: 'answered', due: '2025-09-30', concluded: '2025-09-29' })
  await seedCase(db, yi, { status: 'in_consultation', due: '2025-10-01' })
  await seedCase(db, other, { status: 'in_progress', due: '2025-10-01' })

  // 甲局 复议/诉讼 concluded 2025: review corrected 1 (of 2), litigation corrected 1 (of 1).
  await seedAppeal(db, jia, { kind: 'review', outcome: 'corrected', concluded: '2025-04-01' })
  await seedAppeal(db, jia, { kind: 'review', outcome: 'maintained', concluded: '2025-05-01' })
  await seedAppeal(db, jia, { kind: 'litigation_direct', outcome: 'corrected', concluded: '2025-08-01' })
  await seedAppeal(db, jia, {
    kind: 'litigation_after_review',
    outcome: 'corrected',
    concluded: '2024-08-01',
  })
  await seedAppeal(db, jia, { kind: 'review', outcome: 'pending', concluded: null })
  // 乙局 litigation after review corrected 1.
  await seedAppeal(db, yi, { kind: 'litigation_after_review', outcome: 'corrected', concluded: '2025-12-31' })

  // Reports for 2025: 甲局 on 2026-01-31 China time (20:00 UTC the day before) → on time; a correction later
  // does not move it. 乙局 on 2026-02-01 → late. 甲局下属所 unpublished.
  await seedReport(db, jia, 2025, '2026-01-30T20:00:00.000Z')
  await seedReport(db, jia, 2025, '2026-03-01T02:00:00.000Z', 2)
  await seedReport(db, yi, 2025, '2026-02-01T01:00:00.000Z')
  await seedReport(db, yi, 2024, '2025-01-10T01:00:00.000Z')
  return { office, jia, jiaSub, yi, other }
}
