// Public tracking: with the tracking code and the applicant's phone number, the status, deadline and letters
// sent — never other personal data. A wrong code and a wrong phone give the same error, and the phone is
// compared in constant time (also against a dummy when the code is unknown).
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { findApplicantPhone, findCaseByTrackingCode } from '../application.queries.ts'
import { CASE_STATUS_DESCRIPTIONS } from '../case-status.ts'
import type { CaseStatus } from '../case-status.ts'
import { findLetter, listLetterMeta } from '../letter.queries.ts'
import type { LetterMeta } from '../letter.queries.ts'
import { parseInput } from '../parse-input.ts'
import { isTrackingCodeShape, normaliseTrackingCode } from '../tracking-code.ts'

export const TrackApplicationSchema = z.object({
  trackingCode: z.string('请填写查询码').trim().min(1, '请填写查询码').max(40, '查询码不正确'),
  phone: z.string('请填写联系电话').trim().min(1, '请填写联系电话').max(40, '联系电话不正确'),
})
export type TrackApplicationInput = z.input<typeof TrackApplicationSchema>

export interface TrackedApplication {
  readonly trackingCode: string
  readonly agencyName: string
  readonly status: CaseStatus
  readonly statusText: string
  readonly receivedOn: string | null
  readonly dueDate: string | null
  readonly concludedOn: string | null
  readonly letters: readonly LetterMeta[]
}

const NOT_FOUND = '查询码或联系电话不正确'

function digest(phone: string): Buffer {
  return createHash('sha256')
    .update(phone.replace(/[\s()（）-]/g, ''))
    .digest()
}

const DUMMY = digest('not-a-phone')

async function findTracked(db: DB, input: TrackApplicationInput) {
  const data = parseInput(TrackApplicationSchema, input)
  const code = normaliseTrackingCode(data.trackingCode)
  const row = isTrackingCodeShape(code) ? await findCaseByTrackingCode(db, code) : undefined
  const stored = row ? await findApplicantPhone(db, row.id) : undefined
  const matches = timingSafeEqual(digest(data.phone), stored === undefined ? DUMMY : digest(stored))
  if (!row || stored === undefined || !matches) throw new DomainError('not_found', NOT_FOUND)
  return row
}

export async function trackApplication(db: DB, input: TrackApplicationInput): Promise<TrackedApplication> {
  const row = await findTracked(db, input)
  const status = row.status as CaseStatus
  return {
    trackingCode: row.tracking_code,
    agencyName: row.agency_name,
    status,
    statusText: CASE_STATUS_DESCRIPTIONS[status],
    receivedOn: row.received_on,
    dueDate: row.due_date,
    concludedOn: row.concluded_on,
    letters: await listLetterMeta(db, row.id),
  }
}

/** A sent letter's file for the applicant (same check as the tracking page). */
export async function trackedLetterFile(
  db: DB,
  input: TrackApplicationInput & { letterId: number; format: 'pdf' | 'docx' },
): Promise<{ fileName: string; mediaType: string; bytes: Buffer }> {
  const row = await findTracked(db, input)
  const letter = await findLetter(db, input.letterId)
  if (!letter || letter.application_id !== row.id) throw new DomainError('not_found', '文书不存在')
  return input.format === 'pdf'
    ? { fileName: `${letter.title}.pdf`, mediaType: 'application/pdf', bytes: letter.pdf }
    : {
        fileName: `${letter.title}.docx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: letter.docx,
      }
}
