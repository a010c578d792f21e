// An agency edits one of its letter templates, or its letter settings (number prefix, review body).
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { recordAudit } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { authorizeApplication, caseTarget } from '../application.policy.ts'
import { agencyExists } from '../application.queries.ts'
import { upsertLetterSettings, upsertTemplate } from '../letter.queries.ts'
import { LETTER_KINDS } from '../letters/letter-kinds.ts'
import { unknownPlaceholders } from '../letters/template.ts'
import { parseInput } from '../parse-input.ts'
import type { OperationOptions } from './operation-options.ts'

export const SaveLetterTemplateSchema = z.object({
  agencyId: z.coerce.number('机构无效').int('机构无效').positive('机构无效'),
  kind: z.enum(LETTER_KINDS as [string, ...string[]], '文书类型无效'),
  title: z.string('请填写标题').trim().min(1, '请填写标题').max(100, '标题不能超过100个字符'),
  body: z.string('请填写正文').trim().min(1, '请填写正文').max(20_000, '正文不能超过20000个字符'),
})
export type SaveLetterTemplateInput = z.input<typeof SaveLetterTemplateSchema>

export const SaveLetterSettingsSchema = z.object({
  agencyId: z.coerce.number('机构无效').int('机构无效').positive('机构无效'),
  letterPrefix: z
    .string('请填写文号前缀')
    .trim()
    .min(1, '请填写文号前缀')
    .max(30, '文号前缀不能超过30个字符'),
  reviewBody: z.string().trim().max(100, '行政复议机关名称不能超过100个字符').optional(),
})
export type SaveLetterSettingsInput = z.input<typeof SaveLetterSettingsSchema>

async function authorizedAgency(db: DB, actor: Actor, agencyId: number) {
  const agency = await agencyExists(db, agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  authorizeApplication(
    actor,
    'application.manage_letters',
    caseTarget({ agencyId: agency.id, agencyPath: agency.path }),
  )
  return agency
}

export async function saveLetterTemplate(
  db: DB,
  actor: Actor,
  input: SaveLetterTemplateInput,
  options: OperationOptions = {},
): Promise<void> {
  const data = parseInput(SaveLetterTemplateSchema, input)
  const unknown = unknownPlaceholders(`${data.title}\n${data.body}`)
  if (unknown.length > 0) {
    throw new DomainError('invalid_input', `模板含有未知的占位符：${unknown.join('、')}`, {
      body: '含有未知的占位符',
    })
  }
  await withTransaction(db, async (trx) => {
    const agency = await authorizedAgency(trx, actor, data.agencyId)
    const now = isoNow(options.now)
    await upsertTemplate(trx, {
      agency_id: agency.id,
      kind: data.kind,
      title: data.title,
      body: data.body,
      updated_at: now,
      updated_by: actor.userId || null,
    })
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.save_letter_template',
        targetType: 'letter_template',
        targetId: `${agency.id}:${data.kind}`,
        agencyId: agency.id,
        after: data,
      },
      options.now,
    )
  })
}

export async function saveLetterSettings(
  db: DB,
  actor: Actor,
  input: SaveLetterSettingsInput,
  options: OperationOptions = {},
): Promise<void> {
  const data = parseInput(SaveLetterSettingsSchema, input)
  await withTransaction(db, async (trx) => {
    const agency = await authorizedAgency(trx, actor, data.agencyId)
    const now = isoNow(options.now)
    await upsertLetterSettings(trx, agency.id, data.letterPrefix, data.reviewBody || null, now)
    await recordAudit(
      trx,
      actor,
      {
        action: 'application.save_letter_settings',
        targetType: 'agency',
        targetId: agency.id,
        agencyId: agency.id,
        after: data,
      },
      options.now,
    )
  })
}
