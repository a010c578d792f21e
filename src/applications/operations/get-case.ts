// The case page: the case with its clock explained day by day, history, letters and attachments; applicant
// details masked (the full view is `revealApplicantDetails`, audited).
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { maskApplicant } from '../applicant.ts'
import type { Applicant } from '../applicant.ts'
import {
  applicationAbilities,
  authorizeApplication,
  caseTarget,
  mayRevealApplicant,
} from '../application.policy.ts'
import type { ApplicationAction } from '../application.policy.ts'
import { findApplicant, findCaseRow, listAttachmentMeta, listCaseEvents } from '../application.queries.ts'
import type { StoredEvent } from '../application.queries.ts'
import { describeClockEvent } from '../clock-events.ts'
import { deriveCaseClock, isOverdue } from '../deadline.ts'
import type { CaseClock } from '../deadline.ts'
import { listLetterMeta } from '../letter.queries.ts'
import type { LetterMeta } from '../letter.queries.ts'
import { calendarOf, chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

export interface CaseDetail {
  readonly id: number
  readonly agencyId: number
  readonly agencyName: string
  readonly trackingCode: string
  readonly channel: string
  readonly description: string
  readonly documentRef: string | null
  readonly formWanted: string
  readonly deliveryMethod: string
  readonly intakeNote: string | null
  readonly officerId: number | null
  readonly createdAt: string
  /** Masked; `canReveal` says whether the actor may open the full details. */
  readonly applicant: Applicant
  readonly canReveal: boolean
  /** Derived with the day-by-day explanation and notes (条例 articles cited). */
  readonly clock: CaseClock
  readonly overdue: boolean
  readonly history: readonly (StoredEvent & { text: string })[]
  readonly letters: readonly LetterMeta[]
  readonly attachments: Awaited<ReturnType<typeof listAttachmentMeta>>
  readonly abilities: Readonly<Record<ApplicationAction, boolean>>
}

export async function getCase(
  db: DB,
  actor: Actor,
  applicationId: number,
  options: OperationOptions = {},
): Promise<CaseDetail> {
  const row = await findCaseRow(db, applicationId)
  if (!row) throw new DomainError('not_found', '申请不存在')
  const target = caseTarget({ agencyId: row.agency_id, agencyPath: row.agency_path })
  authorizeApplication(actor, 'application.view', target)
  const [applicant, stored, letters, attachments] = await Promise.all([
    findApplicant(db, row.id),
    listCaseEvents(db, row.id),
    listLetterMeta(db, row.id),
    listAttachmentMeta(db, row.id),
  ])
  if (!applicant) throw new DomainError('not_found', '申请人信息不存在')
  const clock = deriveCaseClock(
    stored.map((s) => s.event),
    calendarOf(options),
  )
  return {
    id: row.id,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    trackingCode: row.tracking_code,
    channel: row.channel,
    description: row.description,
    documentRef: row.document_ref,
    formWanted: row.form_wanted,
    deliveryMethod: row.delivery_method,
    intakeNote: row.intake_note,
    officerId: row.officer_id,
    createdAt: row.created_at,
    applicant: maskApplicant(applicant),
    canReveal: mayRevealApplicant(actor, target, row.officer_id),
    clock,
    overdue: isOverdue(clock, chinaToday(options.now)),
    history: stored.map((s) => ({ ...s, text: describeClockEvent(s.event) })),
    letters,
    attachments,
    abilities: applicationAbilities(actor, target),
  }
}
