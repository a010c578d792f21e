// The placeholder values of a letter, from the case, its derived clock and what the officer adds (reasons, the
// consulted party). Pure: the operation loads the data, this decides what the letter says.
import { DomainError } from '../../shared/domain-error.ts'
import type { Applicant } from '../applicant.ts'
import type { DueDate } from '../clock-rules.ts'
import type { CaseClock } from '../deadline.ts'
import { OUTCOME_MAPPINGS, outcomeRow } from '../outcomes.ts'
import type { AnswerType } from '../outcomes.ts'
import { chineseDate } from './letter-document.ts'
import { answerLetterKind } from './letter-kinds.ts'
import type { LetterKind } from './letter-kinds.ts'
import { citeBasis, remedyStatement } from './remedy.ts'
import type { TemplateValues } from './template.ts'

/** Which letter to send: a notice, or the 答复书 (its template follows the recorded answer type). */
export type LetterRequest =
  'correction_notice' | 'extension_notice' | 'consultation_letter' | 'fee_notice' | 'answer'

export interface LetterFacts {
  request: LetterRequest
  agencyName: string
  applicant: Applicant
  description: string
  clock: CaseClock
  number: string
  sentOn: string
  reviewBody: string | null
  reasons?: string | undefined
  consultedParty?: string | undefined
  feeBands?: string | undefined
  /** The items of the 补正 notice, from its event. */
  correctionItems?: readonly string[] | undefined
}

function dateOf(due: DueDate | null | undefined): string {
  if (!due) return ''
  return due.status === 'due' ? chineseDate(due.date) : `（${due.year}年节假日安排未公布，期限待定）`
}

function missing(message: string): never {
  throw new DomainError('conflict', message)
}

/** The template kind and its values; refuses a letter whose step has not been recorded. */
export function letterValues(f: LetterFacts): { kind: LetterKind; values: TemplateValues } {
  const { clock } = f
  const values: TemplateValues = {
    number: f.number,
    date: chineseDate(f.sentOn),
    agencyName: f.agencyName,
    applicantName: f.applicant.name,
    applicantAddress: f.applicant.address ?? '',
    receivedOn: clock.receipt.status === 'known' ? chineseDate(clock.receipt.date) : '',
    description: f.description,
    dueDate: dateOf(clock.answer.due),
    reasons: f.reasons ?? '',
  }
  switch (f.request) {
    case 'correction_notice': {
      const c = clock.correction ?? missing('尚未记录补正告知，不能生成补正告知书')
      return {
        kind: 'correction_notice',
        values: {
          ...values,
          correctionItems: correctionItemsText(f),
          correctionPeriod: String(c.periodWorkingDays),
          correctionDue: dateOf(c.applicantDue),
        },
      }
    }
    case 'extension_notice': {
      const e = clock.extension ?? missing('尚未记录延期批准，不能生成延期答复告知书')
      return {
        kind: 'extension_notice',
        values: { ...values, extensionDays: String(e.workingDays), extensionReason: f.reasons ?? '' },
      }
    }
    case 'consultation_letter': {
      const c = clock.consultations.at(-1) ?? missing('尚未记录征求意见，不能生成征询函')
      if (!f.consultedParty) {
        throw new DomainError('invalid_input', '请填写被征求意见的第三方', {
          consultedParty: '请填写被征求意见的第三方',
        })
      }
      return {
        kind: 'consultation_letter',
        values: { ...values, consultedParty: f.consultedParty, consultationDue: dateOf(c.replyDue) },
      }
    }
    case 'fee_notice': {
      const fee = clock.fee ?? missing('尚未记录收费通知，不能生成收费通知书')
      const method = fee.method === 'per_application' ? '按件' : '按量'
      return {
        kind: 'fee_notice',
        values: {
          ...values,
          feeMethod: method,
          feeAmount: String(fee.amountYuan),
          feeBands: f.feeBands ?? `${method}计收，合计${fee.amountYuan}元`,
          paymentDue: dateOf(fee.paymentDue),
        },
      }
    }
    case 'answer': {
      const outcome = clock.conclusion?.outcome
      if (outcome === undefined || outcome.startsWith('abandoned_')) missing('尚未记录答复，不能生成答复书')
      const answerType = outcome as AnswerType
      const row = outcomeRow(answerType, 'gov2021')
      return {
        kind: answerLetterKind(answerType),
        values: {
          ...values,
          answerLabel: row.label.replace(/^\d+\./, ''),
          legalBasis: citeBasis(OUTCOME_MAPPINGS[answerType].basis),
          remedy: remedyStatement(f.reviewBody, answerType),
        },
      }
    }
  }
}

function correctionItemsText(f: LetterFacts): string {
  return (f.correctionItems ?? []).map((item, i) => `${i + 1}. ${item}`).join('\n')
}
