// Creates a case with its applicant, first events and derived columns (shared by online and staff intake).
import { createHash } from 'node:crypto'
import type { DB } from '../../storage/index.ts'
import type { Applicant } from '../applicant.ts'
import {
  insertAttachments,
  insertCase,
  insertCaseEvent,
  updateDerivedColumns,
} from '../application.queries.ts'
import type { ClockEvent, ReceiptChannel } from '../clock-events.ts'
import { deriveCaseClock } from '../deadline.ts'
import type { CaseClock } from '../deadline.ts'
import { derivedColumns } from '../derived-columns.ts'
import { newTrackingCode } from '../tracking-code.ts'
import { calendarOf } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

export interface NewCase {
  agencyId: number
  channel: ReceiptChannel
  description: string
  documentRef: string | null
  formWanted: string
  deliveryMethod: string
  intakeNote: string | null
  idempotencyKey: string | null
  officerId: number | null
  createdBy: number | null
  applicant: Applicant
  events: readonly ClockEvent[]
  attachments: readonly { kind: string; fileName: string; mediaType: string; content: Uint8Array }[]
}

export async function createCase(
  trx: DB,
  data: NewCase,
  now: string,
  options: OperationOptions,
): Promise<{ id: number; trackingCode: string; clock: CaseClock }> {
  const clock = deriveCaseClock(data.events, calendarOf(options), { explain: false })
  const trackingCode = newTrackingCode()
  const id = await insertCase(
    trx,
    {
      agency_id: data.agencyId,
      tracking_code: trackingCode,
      channel: data.channel,
      description: data.description,
      document_ref: data.documentRef,
      form_wanted: data.formWanted,
      delivery_method: data.deliveryMethod,
      intake_note: data.intakeNote,
      idempotency_key: data.idempotencyKey,
      officer_id: data.officerId,
      created_by: data.createdBy,
      created_at: now,
      updated_at: now,
      ...derivedColumns(clock, data.events.length),
    },
    data.applicant,
  )
  let seq = 0
  for (const event of data.events) await insertCaseEvent(trx, id, ++seq, event, data.createdBy, now)
  await updateDerivedColumns(trx, id, derivedColumns(clock, data.events.length), now)
  await insertAttachments(
    trx,
    id,
    data.attachments.map((a) => ({ ...a, sha256: createHash('sha256').update(a.content).digest('hex') })),
    now,
  )
  return { id, trackingCode, clock }
}
