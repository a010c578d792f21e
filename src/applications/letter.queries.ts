// SQL of letters: frozen sent letters, the per-agency per-year number counter, templates and settings.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import type { ApplicationLetterRow } from './application.table.ts'

/** A sent letter without its bytes. */
export interface LetterMeta {
  id: number
  kind: string
  number: string
  title: string
  sentOn: string
}

export async function listLetterMeta(db: DB, applicationId: number): Promise<LetterMeta[]> {
  const rows = await db
    .selectFrom('application_letters')
    .select(['id', 'kind', 'number', 'title', 'sent_on'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, kind: r.kind, number: r.number, title: r.title, sentOn: r.sent_on }))
}

export async function findLetter(db: DB, id: number): Promise<ApplicationLetterRow | undefined> {
  return db.selectFrom('application_letters').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The next letter serial of an agency in a year, allocated inside the caller's transaction. */
export async function allocateLetterSerial(db: DB, agencyId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('application_letter_serials')
    .values({ agency_id: agencyId, year, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['agency_id', 'year']).doUpdateSet({
        last_serial: sql<number>`application_letter_serials.last_serial + 1`,
      }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return row.last_serial
}

export async function insertLetter(db: DB, row: Omit<ApplicationLetterRow, 'id'>): Promise<number> {
  const { id } = await db
    .insertInto('application_letters')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export async function findTemplate(
  db: DB,
  agencyId: number,
  kind: string,
): Promise<{ title: string; body: string } | undefined> {
  return db
    .selectFrom('application_letter_templates')
    .select(['title', 'body'])
    .where('agency_id', '=', agencyId)
    .where('kind', '=', kind)
    .executeTakeFirst()
}

export async function upsertTemplate(
  db: DB,
  row: {
    agency_id: number
    kind: string
    title: string
    body: string
    updated_at: string
    updated_by: number | null
  },
): Promise<void> {
  await db
    .insertInto('application_letter_templates')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['agency_id', 'kind']).doUpdateSet({
        title: row.title,
        body: row.body,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute()
}

export async function findLetterSettings(
  db: DB,
  agencyId: number,
): Promise<{ letterPrefix: string; reviewBody: string | null } | undefined> {
  const row = await db
    .selectFrom('application_settings')
    .select(['letter_prefix', 'review_body'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst()
  return row && { letterPrefix: row.letter_prefix, reviewBody: row.review_body }
}

export async function upsertLetterSettings(
  db: DB,
  agencyId: number,
  letterPrefix: string,
  reviewBody: string | null,
  now: string,
): Promise<void> {
  await db
    .insertInto('application_settings')
    .values({ agency_id: agencyId, letter_prefix: letterPrefix, review_body: reviewBody, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('agency_id')
        .doUpdateSet({ letter_prefix: letterPrefix, review_body: reviewBody, updated_at: now }),
    )
    .execute()
}
