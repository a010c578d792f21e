// The letters of a case and, for the 答复书, which template each answer type uses.
import type { AnswerType } from '../outcomes.ts'

export type LetterKind =
  | 'correction_notice'
  | 'extension_notice'
  | 'consultation_letter'
  | 'fee_notice'
  | 'answer_granted'
  | 'answer_partial'
  | 'answer_withheld'
  | 'answer_unable'
  | 'answer_not_processed'
  | 'answer_other'

export const LETTER_KINDS: readonly LetterKind[] = [
  'correction_notice',
  'extension_notice',
  'consultation_letter',
  'fee_notice',
  'answer_granted',
  'answer_partial',
  'answer_withheld',
  'answer_unable',
  'answer_not_processed',
  'answer_other',
]

export const LETTER_KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  correction_notice: '补正告知书',
  extension_notice: '延期答复告知书',
  consultation_letter: '第三方意见征询函',
  fee_notice: '收费通知书',
  answer_granted: '答复书（予以公开）',
  answer_partial: '答复书（部分公开）',
  answer_withheld: '答复书（不予公开）',
  answer_unable: '答复书（无法提供）',
  answer_not_processed: '答复书（不予处理）',
  answer_other: '答复书（其他处理）',
}

/** The 答复书 template of an answer type (the 表三 groups). */
export function answerLetterKind(answerType: AnswerType): LetterKind {
  if (answerType === 'already_public' || answerType === 'disclosed') return 'answer_granted'
  if (answerType === 'partially_disclosed') return 'answer_partial'
  if (answerType.startsWith('withheld_')) return 'answer_withheld'
  if (
    answerType === 'not_held' ||
    answerType === 'not_this_agency' ||
    answerType === 'needs_creation' ||
    answerType === 'unclear_after_correction'
  ) {
    return 'answer_unable'
  }
  if (answerType === 'withdrawn' || answerType === 'other') return 'answer_other'
  return 'answer_not_processed'
}

export function isLetterKind(value: string): value is LetterKind {
  return (LETTER_KINDS as readonly string[]).includes(value)
}
