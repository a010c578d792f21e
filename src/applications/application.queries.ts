// SQL of cases: the case row with its agency, the applicant, the event log and attachments. (db | trx, args)
// → rows or domain objects; no policy here.
import { sql } from 'kysely'
import type { DB } from '../storage/index.ts'
import { engineOf } from '../storage/index.ts'
import type { Applicant, ApplicantType, IdType, OrgSubtype } from './applicant.ts'
import type { ApplicantRow, ApplicationRow, NewApplicationRow } from './application.table.ts'
import type { ClockEvent } from './clock-events.ts'
import type { DerivedColumns } from './derived-columns.ts'

/** A case row with the agency it belongs to. */
export interface CaseRow extends ApplicationRow {
  agency_path: string
  agency_name: string
}

function caseQuery(db: DB) {
  return db
    .selectFrom('applications')
    .innerJoin('agencies', 'agencies.id', 'applications.agency_id')
    .selectAll('applications')
    .select(['agencies.path as agency_path', 'agencies.name as agency_name'])
}

export async function findCaseRow(db: DB, id: number): Promise<CaseRow | undefined> {
  return caseQuery(db).where('applications.id', '=', id).executeTakeFirst()
}

/** The case row locked for the rest of the transaction (PostgreSQL; SQLite has one writer anyway). */
export async function lockCaseRow(db: DB, id: number): Promise<CaseRow | undefined> {
  const q = caseQuery(db).where('applications.id', '=', id)
  return engineOf(db) === 'postgres' ? q.forUpdate('applications').executeTakeFirst() : q.executeTakeFirst()
}

export async function findCaseByIdempotencyKey(
  db: DB,
  agencyId: number,
  key: string,
): Promise<CaseRow | undefined> {
  return caseQuery(db)
    .where('applications.agency_id', '=', agencyId)
    .where('applications.idempotency_key', '=', key)
    .executeTakeFirst()
}

export async function findCaseByTrackingCode(db: DB, code: string): Promise<CaseRow | undefined> {
  return caseQuery(db).where('applications.tracking_code', '=', code).executeTakeFirst()
}

export async function agencyExists(
  db: DB,
  id: number,
): Promise<{ id: number; path: string; name: string } | undefined> {
  return db.selectFrom('agencies').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst()
}

export async function insertCase(db: DB, row: NewApplicationRow, applicant: Applicant): Promise<number> {
  const { id } = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow()
  await db
    .insertInto('application_applicants')
    .values({
      application_id: id,
      applicant_type: applicant.type,
      org_subtype: applicant.orgSubtype,
      name: applicant.name,
      id_type: applicant.idType,
      id_number: applicant.idNumber,
      contact_name: applicant.contactName,
      phone: applicant.phone,
      email: applicant.email,
      address: applicant.address,
      postcode: applicant.postcode,
    })
    .execute()
  return id
}

export function toApplicant(row: ApplicantRow): Applicant {
  return {
    type: row.applicant_type as ApplicantType,
    orgSubtype: row.org_subtype as OrgSubtype | null,
    name: row.name,
    idType: row.id_type as IdType,
    idNumber: row.id_number,
    contactName: row.contact_name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    postcode: row.postcode,
  }
}

export async function findApplicant(db: DB, applicationId: number): Promise<Applicant | undefined> {
  const row = await db
    .selectFrom('application_applicants')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
  return row && toApplicant(row)
}

/** The phone number only (the tracking lookup compares it). */
export async function findApplicantPhone(db: DB, applicationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('application_applicants')
    .select('phone')
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
  return row?.phone
}

/** One stored event with who recorded it and when. */
export interface StoredEvent {
  seq: number
  event: ClockEvent
  recordedAt: string
  actorId: number | null
}

export async function listCaseEvents(db: DB, applicationId: number): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .select(['seq', 'payload_json', 'recorded_at', 'actor_id'])
    .where('application_id', '=', applicationId)
    .orderBy('seq')
    .execute()
  return rows.map((r) => ({
    seq: r.seq,
    event: JSON.parse(r.payload_json) as ClockEvent,
    recordedAt: r.recorded_at,
    actorId: r.actor_id,
  }))
}

export async function insertCaseEvent(
  db: DB,
  applicationId: number,
  seq: number,
  event: ClockEvent,
  actorId: number | null,
  recordedAt: string,
): Promise<void> {
  await db
    .insertInto('application_events')
    .values({
      application_id: applicationId,
      seq,
      type: event.type,
      payload_json: JSON.stringify(event),
      on_date: event.on,
      recorded_at: recordedAt,
      actor_id: actorId,
    })
    .execute()
}

/** Writes the columns derived from the log (the only writer of status, due_date …). */
export async function updateDerivedColumns(
  db: DB,
  applicationId: number,
  derived: DerivedColumns,
  updatedAt: string,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ ...derived, updated_at: updatedAt })
    .where('id', '=', applicationId)
    .execute()
}

export async function setCaseOfficer(db: DB, applicationId: number, officerId: number | null): Promise<void> {
  await db
    .updateTable('applications')
    .set({ officer_id: officerId })
    .where('id', '=', applicationId)
    .execute()
}

/** The user as an officer candidate: exists, enabled, in the agency, holding the case_officer role. */
export async function isOfficerOf(db: DB, userId: number, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.agency_id', '=', agencyId)
    .where('users.disabled_at', 'is', null)
    .where('user_roles.role', '=', 'case_officer')
    .executeTakeFirst()
  return row !== undefined
}

export interface NewAttachment {
  kind: string
  fileName: string
  mediaType: string
  sha256: string
  content: Uint8Array
}

export async function insertAttachments(
  db: DB,
  applicationId: number,
  files: readonly NewAttachment[],
  createdAt: string,
): Promise<void> {
  if (files.length === 0) return
  await db
    .insertInto('application_attachments')
    .values(
      files.map((f) => ({
        application_id: applicationId,
        kind: f.kind,
        file_name: f.fileName,
        media_type: f.mediaType,
        size_bytes: f.content.byteLength,
        sha256: f.sha256,
        content: Buffer.from(f.content),
        created_at: createdAt,
      })),
    )
    .execute()
}

export async function listAttachmentMeta(
  db: DB,
  applicationId: number,
): Promise<{ id: number; kind: string; fileName: string; mediaType: string; sizeBytes: number }[]> {
  const rows = await db
    .selectFrom('application_attachments')
    .select(['id', 'kind', 'file_name', 'media_type', 'size_bytes'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
  }))
}

/** True when the error is a unique-constraint violation (a concurrent double submit). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown }
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof e.message === 'string' && /UNIQUE constraint failed/.test(e.message))
  )
}

/** Number of cases (for the bench and tests). */
export async function countCases(db: DB): Promise<number> {
  const row = await db
    .selectFrom('applications')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The enabled 依申请办理员 of an agency, for the officer assignment form. */
export async function listOfficersOf(
  db: DB,
  agencyId: number,
): Promise<{ id: number; displayName: string }[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name'])
    .where('users.agency_id', '=', agencyId)
    .where('users.disabled_at', 'is', null)
    .where('user_roles.role', '=', 'case_officer')
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute()
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }))
}

/** The applicants of some cases (for an export by a role that may see them in full). */
export async function findApplicants(
  db: DB,
  applicationIds: readonly number[],
): Promise<Map<number, Applicant>> {
  const out = new Map<number, Applicant>()
  for (let i = 0; i < applicationIds.length; i += 500) {
    const rows = await db
      .selectFrom('application_applicants')
      .selectAll()
      .where('application_id', 'in', applicationIds.slice(i, i + 500))
      .execute()
    for (const r of rows) out.set(r.application_id, toApplicant(r))
  }
  return out
}
