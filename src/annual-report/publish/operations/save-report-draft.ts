// Save the editor's section texts of an agency's report for a year (the draft the builder shows and
// publication prints). Audited with the texts before and after.
import type { Actor } from '../../../accounts/index.ts'
import { recordAudit } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { isoNow, withTransaction } from '../../../storage/index.ts'
import { parseInput } from '../../compute/parse-input.ts'
import { authorizePublish } from '../publish.policy.ts'
import { SaveReportDraftSchema } from '../report-key.schema.ts'
import type { SaveReportDraftInput } from '../report-key.schema.ts'
import { findAgencyRecord, findDraft, upsertDraft } from '../report-publish.queries.ts'

export async function saveReportDraft(
  db: DB,
  actor: Actor,
  input: SaveReportDraftInput,
  now = new Date(),
): Promise<void> {
  const data = parseInput(SaveReportDraftSchema, input)
  await withTransaction(db, async (trx) => {
    const agency = await findAgencyRecord(trx, data.agencyId)
    if (!agency) throw new DomainError('not_found', '机构不存在')
    authorizePublish(actor, 'annual_report.edit', { agencyId: agency.id, agencyPath: agency.path })
    const before = await findDraft(trx, agency.id, data.year)
    const sections = {
      ...(before ? (JSON.parse(before.sections_json) as Record<string, string>) : {}),
      ...data.sections,
    }
    await upsertDraft(trx, {
      agency_id: agency.id,
      year: data.year,
      sections_json: JSON.stringify(sections),
      previous_json: before?.previous_json ?? null,
      previous_source: before?.previous_source ?? null,
      updated_by: actor.userId > 0 ? actor.userId : null,
      updated_at: isoNow(now),
    })
    await recordAudit(
      trx,
      actor,
      {
        action: 'annual_report.draft_save',
        targetType: 'annual_report',
        targetId: `${agency.id}/${data.year}`,
        agencyId: agency.id,
        before: before ? (JSON.parse(before.sections_json) as unknown) : null,
        after: sections,
      },
      now,
    )
  })
}
