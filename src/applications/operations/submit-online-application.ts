// The public online form (条例第二十九条): no login; the case awaits 双方确认 (条例第三十一条第（三）项) before its
// clock starts. A repeated submit with the same form key returns the first case (one case per double click).
// Rate limiting per IP is the web layer's.
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { AttachmentsSchema, OnlineApplicationSchema } from '../application.schema.ts'
import type { AttachmentInput, OnlineApplicationInput } from '../application.schema.ts'
import { agencyExists, findCaseByIdempotencyKey, isUniqueViolation } from '../application.queries.ts'
import type { CaseStatus } from '../case-status.ts'
import { parseInput } from '../parse-input.ts'
import { applicantOf } from './applicant-of.ts'
import { createCase } from './create-case.ts'
import { chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

/** What the receipt page shows. */
export interface SubmittedApplication {
  readonly trackingCode: string
  readonly agencyName: string
  readonly submittedOn: string
  readonly status: CaseStatus
  /** True when this was a repeated submit of the same form. */
  readonly repeated: boolean
}

export async function submitOnlineApplication(
  db: DB,
  input: OnlineApplicationInput,
  attachments: readonly AttachmentInput[] = [],
  options: OperationOptions = {},
): Promise<SubmittedApplication> {
  const data = parseInput(OnlineApplicationSchema, input)
  const files = parseInput(AttachmentsSchema, attachments)
  const key = data.idempotencyKey ?? null
  const agency = await agencyExists(db, data.agencyId)
  if (!agency) throw new DomainError('invalid_input', '受理机关不存在', { agencyId: '受理机关不存在' })
  const existing = key === null ? undefined : await findCaseByIdempotencyKey(db, agency.id, key)
  if (existing) return repeatedOf(existing, agency.name)
  const now = isoNow(options.now)
  const today = chinaToday(options.now)
  try {
    return await withTransaction(db, async (trx) => {
      const created = await createCase(
        trx,
        {
          agencyId: agency.id,
          channel: 'online',
          description: data.description,
          documentRef: data.documentRef,
          formWanted: data.formWanted,
          deliveryMethod: data.deliveryMethod,
          intakeNote: null,
          idempotencyKey: key,
          officerId: null,
          createdBy: null,
          applicant: applicantOf(data),
          events: [{ type: 'received', on: today, channel: 'online' }],
          attachments: files,
        },
        now,
        options,
      )
      await recordAudit(
        trx,
        null,
        {
          action: 'application.submit_online',
          targetType: 'application',
          targetId: created.id,
          agencyId: agency.id,
          after: { channel: 'online', status: created.clock.status, attachments: files.length },
        },
        options.now,
      )
      return {
        trackingCode: created.trackingCode,
        agencyName: agency.name,
        submittedOn: today,
        status: created.clock.status,
        repeated: false,
      }
    })
  } catch (err) {
    // Two submits raced past the lookup: the unique key let one through; answer with that one.
    if (key !== null && isUniqueViolation(err)) {
      const winner = await findCaseByIdempotencyKey(db, agency.id, key)
      if (winner) return repeatedOf(winner, agency.name)
    }
    throw err
  }
}

function repeatedOf(
  row: { tracking_code: string; created_at: string; status: string },
  agencyName: string,
): SubmittedApplication {
  return {
    trackingCode: row.tracking_code,
    agencyName,
    submittedOn: chinaToday(new Date(row.created_at)),
    status: row.status as CaseStatus,
    repeated: true,
  }
}
