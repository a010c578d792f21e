// Sends a letter: allocates its number (per agency per year, in this transaction), fills the agency's template
// (or the shipped default), renders DOCX and PDF, and freezes them (stored bytes, never regenerated).
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { findApplicant, listCaseEvents } from '../application.queries.ts'
import { deriveCaseClock } from '../deadline.ts'
import { allocateLetterSerial, findLetterSettings, findTemplate, insertLetter } from '../letter.queries.ts'
import { DEFAULT_TEMPLATES } from '../letters/default-templates.ts'
import { chineseDate, letterNumber, letterText, paragraphsOf } from '../letters/letter-document.ts'
import type { LetterDocument } from '../letters/letter-document.ts'
import { letterValues } from '../letters/letter-values.ts'
import type { LetterFacts } from '../letters/letter-values.ts'
import { renderLetterDocx } from '../letters/render-docx.ts'
import { renderLetterPdf } from '../letters/render-pdf.ts'
import { fillTemplate } from '../letters/template.ts'
import { parseInput } from '../parse-input.ts'
import { loadCaseToHandle } from './append-case-event.ts'
import type { CaseRow } from '../application.queries.ts'
import type { LetterKind } from '../letters/letter-kinds.ts'
import { caseStep } from './case-step.schema.ts'
import { calendarOf, chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

const optionalText = (label: string, max: number) =>
  z.string(`${label}格式不正确`).trim().max(max, `${label}不能超过${max}个字符`).optional()

export const SendLetterSchema = z.object({
  applicationId: caseStep.applicationId,
  /** The date the letter bears and is sent. */
  on: caseStep.on,
  request: z.enum(
    ['correction_notice', 'extension_notice', 'consultation_letter', 'fee_notice', 'answer'],
    '请选择文书类型',
  ),
  reasons: optionalText('说明或理由', 5000),
  consultedParty: optionalText('被征求意见的第三方', 200),
  feeBands: optionalText('收费明细', 1000),
})
export type SendLetterInput = z.input<typeof SendLetterSchema>

export interface SentLetter {
  readonly id: number
  readonly number: string
  readonly title: string
  readonly text: string
}

/** The letter a case step produces, composed from the agency's template (or the shipped default). */
interface ComposedLetter {
  readonly row: CaseRow
  readonly kind: LetterKind
  readonly year: number
  readonly letter: LetterDocument
}

/**
 * Fills the template of `data.request` for the case. `numberOf` gives the letter number once the step is known
 * to exist (so a refused letter never uses up a serial).
 */
async function composeLetter(
  trx: DB,
  actor: Actor,
  data: z.output<typeof SendLetterSchema>,
  options: OperationOptions,
  numberOf: (row: CaseRow, prefix: string, year: number) => Promise<string>,
): Promise<ComposedLetter> {
  const row = await loadCaseToHandle(trx, actor, data.applicationId)
  const applicant = await findApplicant(trx, row.id)
  if (!applicant) throw new DomainError('not_found', '申请人信息不存在')
  const events = (await listCaseEvents(trx, row.id)).map((s) => s.event)
  const clock = deriveCaseClock(events, calendarOf(options), { explain: false })
  const settings = await findLetterSettings(trx, row.agency_id)
  const year = Number(data.on.slice(0, 4))
  const correction = [...events].reverse().find((e) => e.type === 'correction_requested')
  const base: Omit<LetterFacts, 'number'> = {
    request: data.request,
    agencyName: row.agency_name,
    applicant,
    description: row.description,
    clock,
    sentOn: data.on,
    reviewBody: settings?.reviewBody ?? null,
    reasons: data.reasons,
    consultedParty: data.consultedParty,
    feeBands: data.feeBands,
    correctionItems: correction?.type === 'correction_requested' ? correction.items : undefined,
  }
  // Check the step exists before a number is used up.
  const probe = letterValues({ ...base, number: '' })
  const number = await numberOf(row, settings?.letterPrefix ?? row.agency_name, year)
  const { values } = letterValues({ ...base, number })
  const template = (await findTemplate(trx, row.agency_id, probe.kind)) ?? DEFAULT_TEMPLATES[probe.kind]
  const letter: LetterDocument = {
    title: fillTemplate(template.title, values),
    number,
    paragraphs: paragraphsOf(fillTemplate(template.body, values)),
    agencyName: row.agency_name,
    dateText: chineseDate(data.on),
  }
  return { row, kind: probe.kind, year, letter }
}

function checkDate(data: { on: string }, options: OperationOptions): void {
  if (data.on > chinaToday(options.now)) {
    throw new DomainError('invalid_input', '日期不能晚于今天', { on: '日期不能晚于今天' })
  }
}

/** Marks the number of a previewed letter: the serial is allocated only when it is sent. */
export const PREVIEW_NUMBER_MARK = '（发送时编号）'

/** The letter as it would be sent, without a number, rendering or storage (nothing is written). */
export async function previewLetter(
  db: DB,
  actor: Actor,
  input: SendLetterInput,
  options: OperationOptions = {},
): Promise<{ title: string; kind: LetterKind; text: string }> {
  const data = parseInput(SendLetterSchema, input)
  checkDate(data, options)
  const { kind, letter } = await composeLetter(db, actor, data, options, (_row, prefix, year) =>
    Promise.resolve(`${prefix}依公开〔${year}〕第__号${PREVIEW_NUMBER_MARK}`),
  )
  return { title: letter.title, kind, text: letterText(letter) }
}

export async function sendLetter(
  db: DB,
  actor: Actor,
  input: SendLetterInput,
  options: OperationOptions = {},
): Promise<SentLetter> {
  const data = parseInput(SendLetterSchema, input)
  checkDate(data, options)
  return withTransaction(db, async (trx) => {
    let serial = 0
    const { row, kind, year, letter } = await composeLetter(
      trx,
      actor,
      data,
      options,
      async (r, prefix, y) => {
        serial = await allocateLetterSerial(trx, r.agency_id, y)
        return letterNumber(prefix, y, serial)
      },
    )
    const [docx, pdf] = await Promise.all([renderLetterDocx(letter), renderLetterPdf(letter)])
    const text = letterText(letter)
    const id = await insertLetter(trx, {
      application_id: row.id,
      agency_id: row.agency_id,
      kind,
      number: letter.number,
      year,
      serial,
      title: letter.title,
      body_text: text,
      docx,
      pdf,
      sent_on: data.on,
      sent_at: isoNow(options.now),
      actor_id: actor.userId || null,
    })
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.send_letter',
        targetType: 'application',
        targetId: row.id,
        agencyId: row.agency_id,
        after: { letterId: id, kind, number: letter.number, sentOn: data.on },
      },
      options.now,
    )
    return { id, number: letter.number, title: letter.title, text }
  })
}
