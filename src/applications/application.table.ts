// Kysely table interfaces of 依申请公开 cases. The event log (`application_events`) is the truth; the derived
// columns of `applications` (status, due_date …) are recomputed from it by `deriveCaseClock` on every append,
// so work-queue lists are indexed queries. Personal data of the applicant lives apart, in
// `application_applicants`, read only through the masking presenters or the audited reveal.
import type { Generated, Insertable, Selectable } from 'kysely'

export interface ApplicationTable {
  id: Generated<number>
  agency_id: number
  /** Random, unguessable public reference (12 characters of Crockford base32). */
  tracking_code: string
  /** How it arrived (条例第三十一条): online, in_person, oral, post_signed, post_plain, fax. */
  channel: string
  /** 所需信息的名称或描述 (条例第二十九条第二款第（二）项). */
  description: string
  /** 文号 or title of the information, when known. */
  document_ref: string | null
  /** 获取信息的形式 and 获取方式 (条例第二十九条第二款第（三）项). */
  form_wanted: string
  delivery_method: string
  /** Staff note on how an oral, fax or post application came in (e.g. 挂号信编号). */
  intake_note: string | null
  /** A form's one-time key: a double submit creates one case. Unique per agency. */
  idempotency_key: string | null
  /** The 依申请办理员 handling the case. */
  officer_id: number | null
  created_by: number | null
  created_at: string
  updated_at: string
  // ── Derived from the event log by deriveCaseClock on every append (never written otherwise) ──
  status: string
  /** not_started | running | paused | calendar_unknown. */
  answer_state: string
  /** 收到申请之日 (null while awaiting confirmation). */
  received_on: string | null
  /** The binding answer due date when known. */
  due_date: string | null
  concluded_on: string | null
  /** The CaseOutcome (answer type or abandonment), mapped to 表三 by outcomes.ts. */
  outcome: string | null
  event_count: number
}

/** The applicant (条例第二十九条第二款第（一）项): personal data, kept apart and masked by default. */
export interface ApplicationApplicantTable {
  application_id: number
  /** natural_person | organisation. */
  applicant_type: string
  /** For organisations: commercial | research | public_interest | legal_services | other. */
  org_subtype: string | null
  name: string
  id_type: string
  id_number: string
  /** For organisations: the contact person. */
  contact_name: string | null
  phone: string
  email: string | null
  address: string | null
  postcode: string | null
}

/** One event of a case log: append-only (triggers reject UPDATE and DELETE). */
export interface ApplicationEventTable {
  id: Generated<number>
  application_id: number
  /** 1-based position in the log; unique per application. */
  seq: number
  type: string
  /** The ClockEvent as JSON text (read back as is by `deriveCaseClock`). */
  payload_json: string
  /** The legal date of the event (`on` of the ClockEvent). */
  on_date: string
  recorded_at: string
  /** Null for the applicant's own online submission. */
  actor_id: number | null
}

export interface ApplicationAttachmentTable {
  id: Generated<number>
  application_id: number
  /** id_copy | authorisation | other. */
  kind: string
  file_name: string
  media_type: string
  size_bytes: number
  sha256: string
  content: Buffer
  created_at: string
}

/** A sent letter, frozen: the bytes are stored once and never regenerated (append-only). */
export interface ApplicationLetterTable {
  id: Generated<number>
  application_id: number
  agency_id: number
  /** correction_notice | extension_notice | consultation_letter | fee_notice | answer. */
  kind: string
  /** e.g. 示例区政府办依公开〔2026〕第12号. */
  number: string
  year: number
  serial: number
  title: string
  /** The rendered text (what the DOCX and PDF say), for search and tests. */
  body_text: string
  docx: Buffer
  pdf: Buffer
  sent_on: string
  sent_at: string
  actor_id: number | null
}

/** Per-agency editable letter templates; missing rows fall back to the shipped defaults. */
export interface ApplicationLetterTemplateTable {
  agency_id: number
  kind: string
  title: string
  body: string
  updated_at: string
  updated_by: number | null
}

/** Per-agency settings of the letters: the number prefix and the review body named in the remedy. */
export interface ApplicationSettingsTable {
  agency_id: number
  letter_prefix: string
  review_body: string | null
  updated_at: string
}

/** Per-agency per-year letter number counter, allocated inside the sending transaction. */
export interface ApplicationLetterSerialTable {
  agency_id: number
  year: number
  last_serial: number
}

export type ApplicationRow = Selectable<ApplicationTable>
export type NewApplicationRow = Insertable<ApplicationTable>
export type ApplicantRow = Selectable<ApplicationApplicantTable>
export type ApplicationEventRow = Selectable<ApplicationEventTable>
export type ApplicationLetterRow = Selectable<ApplicationLetterTable>
export type ApplicationAttachmentRow = Selectable<ApplicationAttachmentTable>
