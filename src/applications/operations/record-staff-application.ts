// Staff entry of an application received by letter (挂号 or 平信), fax, in person, or orally (the clerk fills the
// form, 条例第二十九条第一款). The receipt date follows 条例第三十一条: the day handed in or signed for; for
// plain post and fax the day of confirmation with the applicant (recorded now if already done). The clerk
// becomes the case's officer.
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeApplication, caseTarget } from '../application.policy.ts'
import { agencyExists } from '../application.queries.ts'
import { StaffApplicationSchema } from '../application.schema.ts'
import type { StaffApplicationInput } from '../application.schema.ts'
import type { ClockEvent } from '../clock-events.ts'
import { problemsOfNewEvent } from '../deadline.ts'
import { parseInput } from '../parse-input.ts'
import { needsConfirmation } from '../receipt-date.ts'
import type { CaseChange } from './append-case-event.ts'
import { applicantOf } from './applicant-of.ts'
import { createCase } from './create-case.ts'
import { calendarOf, chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

export async function recordStaffApplication(
  db: DB,
  actor: Actor,
  input: StaffApplicationInput,
  options: OperationOptions = {},
): Promise<CaseChange> {
  const data = parseInput(StaffApplicationSchema, input)
  const today = chinaToday(options.now)
  if (data.arrivedOn > today || (data.confirmedOn ?? '') > today) {
    throw new DomainError('invalid_input', '日期不能晚于今天', { arrivedOn: '日期不能晚于今天' })
  }
  const events: ClockEvent[] = [{ type: 'received', on: data.arrivedOn, channel: data.channel }]
  if (data.confirmedOn !== undefined) {
    if (!needsConfirmation(data.channel)) {
      throw new DomainError('invalid_input', '该申请方式以提交或签收之日为收到申请之日，无需确认', {
        confirmedOn: '该申请方式无需确认',
      })
    }
    const confirmed: ClockEvent = { type: 'confirmed', on: data.confirmedOn }
    const refused = problemsOfNewEvent(events, confirmed, calendarOf(options)).find(
      (p) => p.severity === 'error',
    )
    if (refused) throw new DomainError('invalid_input', refused.message, { confirmedOn: refused.message })
    events.push(confirmed)
  }
  const now = isoNow(options.now)
  return withTransaction(db, async (trx) => {
    const agency = await agencyExists(trx, data.agencyId)
    if (!agency) throw new DomainError('not_found', '受理机关不存在', { agencyId: '受理机关不存在' })
    authorizeApplication(
      actor,
      'application.handle',
      caseTarget({ agencyId: agency.id, agencyPath: agency.path }),
    )
    const officer = actor.roles.includes('case_officer') && actor.agencyId === agency.id ? actor.userId : null
    const created = await createCase(
      trx,
      {
        agencyId: agency.id,
        channel: data.channel,
        description: data.description,
        documentRef: data.documentRef,
        formWanted: data.formWanted,
        deliveryMethod: data.deliveryMethod,
        intakeNote: data.intakeNote,
        idempotencyKey: null,
        officerId: officer,
        createdBy: actor.userId || null,
        applicant: applicantOf(data),
        events,
        attachments: [],
      },
      now,
      options,
    )
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.record_staff',
        targetType: 'application',
        targetId: created.id,
        agencyId: agency.id,
        after: { channel: data.channel, events, status: created.clock.status },
      },
      options.now,
    )
    return { applicationId: created.id, trackingCode: created.trackingCode, clock: created.clock }
  })
}
