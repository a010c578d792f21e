// Set an agency's 索引号 pattern and/or 主题分类 vocabulary (null restores the national default).
import { z } from 'zod'
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import type { DB } from '../../storage/index.ts'
import { withTransaction } from '../../storage/index.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import { parseIndexPattern } from '../index-number.ts'
import { parseInput } from '../parse-input.ts'
import { findSettingsRow, upsertSettingsRow } from '../settings.queries.ts'
import { TopicVocabularySchema } from '../topic-vocabulary.ts'
import { getCatalogueSettings, type CatalogueSettings } from './get-catalogue-settings.ts'
import { agencyTargetOf, loadAgency } from './item-context.ts'

export const UpdateCatalogueSettingsSchema = z.object({
  agencyId: z.number().int().positive(),
  indexPattern: z.string().trim().min(1).max(100).nullable().optional(),
  topics: TopicVocabularySchema.nullable().optional(),
})
export type UpdateCatalogueSettingsInput = z.input<typeof UpdateCatalogueSettingsSchema>

export async function updateCatalogueSettings(
  db: DB,
  actor: Actor,
  input: UpdateCatalogueSettingsInput,
): Promise<CatalogueSettings> {
  const data = parseInput(UpdateCatalogueSettingsSchema, input)
  if (data.indexPattern != null) parseIndexPattern(data.indexPattern)
  return withTransaction(db, async (trx) => {
    const agency = await loadAgency(trx, data.agencyId)
    authorizeCatalogue(actor, 'catalogue.settings.manage', agencyTargetOf(agency))
    const before = await getCatalogueSettings(trx, agency.id)
    const row = await findSettingsRow(trx, agency.id)
    await upsertSettingsRow(trx, agency.id, {
      index_pattern: data.indexPattern === undefined ? (row?.index_pattern ?? null) : data.indexPattern,
      topics_json:
        data.topics === undefined ? (row?.topics_json ?? null) : data.topics && JSON.stringify(data.topics),
    })
    const after = await getCatalogueSettings(trx, agency.id)
    await recordAudit(trx, actor, {
      action: 'catalogue.settings.update',
      targetType: 'catalogue_settings',
      targetId: agency.id,
      agencyId: agency.id,
      before,
      after,
    })
    return after
  })
}
