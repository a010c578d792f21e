// Import last year's report from its published file (HTML, Word, PDF or text) for the cross-year rules, when
// the agency started using Gongkai mid-way: parsed with parseReport (what `gongkai report check` uses); the
// file must be recognised as a report of year Y-1. Audited.
import type { Actor } from '../../../accounts/index.ts'
import { recordAudit } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { isoNow, withTransaction } from '../../../storage/index.ts'
import { parseInput } from '../../compute/parse-input.ts'
import type { AnnualReport } from '../../model.ts'
import { parseReport } from '../../parse/index.ts'
import { authorizePublish } from '../publish.policy.ts'
import { ReportKeySchema } from '../report-key.schema.ts'
import type { ReportKeyInput } from '../report-key.schema.ts'
import { findAgencyRecord, findDraft, upsertDraft } from '../report-publish.queries.ts'

export async function importPreviousReport(
  db: DB,
  actor: Actor,
  input: ReportKeyInput & { fileName: string; bytes: Buffer },
  now = new Date(),
): Promise<AnnualReport> {
  const data = parseInput(ReportKeySchema, input)
  const agency = await findAgencyRecord(db, data.agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  authorizePublish(actor, 'annual_report.edit', { agencyId: agency.id, agencyPath: agency.path })
  if (input.bytes.length === 0) throw new DomainError('invalid_input', '请选择文件', { file: '请选择文件' })
  const parsed = await parseReport(input.bytes, { filename: input.fileName })
  if (!parsed.recognised || parsed.format === null) {
    throw new DomainError('invalid_input', '未能从文件中识别出年度报告的表格', { file: '无法识别的年度报告' })
  }
  if (parsed.year !== data.year - 1) {
    throw new DomainError('invalid_input', `请上传${data.year - 1}年度的报告`, {
      file: `文件是${parsed.year ?? '未知'}年度的报告，应为${data.year - 1}年度`,
    })
  }
  const report: AnnualReport = {
    format: parsed.format,
    year: parsed.year,
    agency: parsed.agency,
    title: parsed.title,
    metadata: parsed.metadata,
    sections: parsed.sections,
    cells: parsed.cells,
    blank: parsed.blank,
  }
  const fileName = input.fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(-200) // eslint-disable-line no-control-regex -- stripping control characters is the point
  await withTransaction(db, async (trx) => {
    const before = await findDraft(trx, agency.id, data.year)
    await upsertDraft(trx, {
      agency_id: agency.id,
      year: data.year,
      sections_json: before?.sections_json ?? '{}',
      previous_json: JSON.stringify(report),
      previous_source: fileName,
      updated_by: actor.userId > 0 ? actor.userId : null,
      updated_at: isoNow(now),
    })
    await recordAudit(
      trx,
      actor,
      {
        action: 'annual_report.previous_import',
        targetType: 'annual_report',
        targetId: `${agency.id}/${data.year}`,
        agencyId: agency.id,
        before: before?.previous_source ? { file: before.previous_source } : null,
        after: { file: fileName, year: parsed.year, cells: Object.keys(parsed.cells).length },
      },
      now,
    )
  })
  return report
}
