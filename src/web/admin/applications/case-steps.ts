// The case steps the console offers, each one applications operation: which steps the derived status allows
// (the operation still decides; a refused step is a 409/422 with the statute's reason), and how a posted
// form becomes the operation's input.
import type { Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import {
  answerApplication,
  approveExtension,
  closeCase,
  confirmReceipt,
  markCorrectionExpired,
  markFeeDeadlineMissed,
  recordConsultationAnswer,
  recordCorrection,
  recordFeePaid,
  requestCorrection,
  setArt35Delay,
  startConsultation,
  sendFeeNotice,
  textOf,
  optionalTextOf,
} from './applications-surface.ts'
import type { CaseDetail, FormBody } from './applications-surface.ts'

export const STEPS = [
  'confirm',
  'request_correction',
  'record_correction',
  'correction_expired',
  'start_consultation',
  'consultation_answer',
  'extension',
  'fee_notice',
  'fee_paid',
  'fee_missed',
  'art35',
  'answer',
  'close',
] as const
export type Step = (typeof STEPS)[number]

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value)
}

/** Button and heading of each step, in the statute's words. */
export const STEP_LABELS: Readonly<Record<Step, string>> = {
  confirm: '确认收到申请',
  request_correction: '补正告知',
  record_correction: '收到补正',
  correction_expired: '补正逾期',
  start_consultation: '征求第三方意见',
  consultation_answer: '征求意见答复',
  extension: '延期答复',
  fee_notice: '收费通知',
  fee_paid: '已缴费',
  fee_missed: '逾期未缴费',
  art35: '第三十五条延迟答复',
  answer: '答复',
  close: '结案',
}

/** Notice shown after a step succeeded. */
export const STEP_DONE: Readonly<Record<Step, string>> = {
  confirm: '已确认收到申请，答复期限自确认之日起计算。',
  request_correction: '已记录补正告知，答复期限暂停至收到补正申请。',
  record_correction: '已记录收到补正，答复期限自收到补正申请之日起重新计算。',
  correction_expired: '已记录申请人逾期未补正，视为放弃申请。',
  start_consultation: '已记录征求意见，征求意见时间不计入答复期限。',
  consultation_answer: '已记录征求意见答复，恢复计算答复期限。',
  extension: '已记录延期，答复期限已延长。',
  fee_notice: '已记录收费通知。',
  fee_paid: '已记录缴费。',
  fee_missed: '已记录逾期未缴费，视为放弃申请。',
  art35: '已记录第三十五条延迟答复期限。',
  answer: '已记录答复。',
  close: '已结案。',
}

/** Steps the derived state makes available (the operation re-checks against the statute). */
export function availableSteps(c: CaseDetail): Step[] {
  const { clock } = c
  switch (clock.status) {
    case 'awaiting_confirmation':
      return ['confirm']
    case 'in_progress':
      return [
        ...(clock.correction === null ? (['request_correction'] as const) : []),
        'start_consultation',
        ...(clock.extension === null ? (['extension'] as const) : []),
        ...(clock.fee === null ? (['fee_notice'] as const) : []),
        ...(clock.art35 === null ? (['art35'] as const) : []),
        'answer',
      ]
    case 'awaiting_correction':
      return ['record_correction', 'correction_expired']
    case 'in_consultation':
      return ['consultation_answer']
    case 'awaiting_fee':
      return ['fee_paid', 'fee_missed']
    case 'answered':
    case 'abandoned':
      return ['close']
    case 'closed':
      return []
  }
}

/** Lines of a textarea, one 补正 item per line. */
function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

/** Runs `step` on case `id` with the posted `body`. Operations validate and throw DomainErrors. */
export async function runStep(db: DB, actor: Actor, id: number, step: Step, body: FormBody): Promise<void> {
  const base = { applicationId: id, on: textOf(body, 'on') }
  switch (step) {
    case 'confirm':
      await confirmReceipt(db, actor, base)
      return
    case 'request_correction':
      await requestCorrection(db, actor, {
        ...base,
        items: linesOf(textOf(body, 'items')),
        periodWorkingDays: textOf(body, 'periodWorkingDays'),
      })
      return
    case 'record_correction':
      await recordCorrection(db, actor, base)
      return
    case 'correction_expired':
      await markCorrectionExpired(db, actor, base)
      return
    case 'start_consultation':
      await startConsultation(db, actor, {
        ...base,
        party: textOf(body, 'party') as 'third_party',
        deliveredOn: optionalTextOf(body, 'deliveredOn'),
      })
      return
    case 'consultation_answer': {
      const objection = textOf(body, 'objection')
      await recordConsultationAnswer(db, actor, {
        ...base,
        consultationId: textOf(body, 'consultationId'),
        // Not a boolean unless one of the two radio values: the schema then refuses it with its message.
        objection: (objection === 'yes' ? true : objection === 'no' ? false : undefined) as boolean,
      })
      return
    }
    case 'extension':
      await approveExtension(db, actor, {
        ...base,
        approver: textOf(body, 'approver'),
        workingDays: textOf(body, 'workingDays'),
        reason: textOf(body, 'reason'),
      })
      return
    case 'fee_notice': {
      const method = textOf(body, 'method')
      const fee =
        method === 'per_volume'
          ? { method: 'per_volume' as const, pages: textOf(body, 'pages') }
          : {
              method: method as 'per_application',
              priorThisMonth: textOf(body, 'priorThisMonth'),
              units: textOf(body, 'units'),
            }
      await sendFeeNotice(db, actor, { ...base, deliveredOn: optionalTextOf(body, 'deliveredOn'), fee })
      return
    }
    case 'fee_paid':
      await recordFeePaid(db, actor, base)
      return
    case 'fee_missed':
      await markFeeDeadlineMissed(db, actor, base)
      return
    case 'art35':
      await setArt35Delay(db, actor, {
        ...base,
        newDueDate: textOf(body, 'newDueDate'),
        reason: textOf(body, 'reason'),
      })
      return
    case 'answer':
      await answerApplication(db, actor, { ...base, answerType: textOf(body, 'answerType') as 'disclosed' })
      return
    case 'close':
      await closeCase(db, actor, base)
      return
  }
}
