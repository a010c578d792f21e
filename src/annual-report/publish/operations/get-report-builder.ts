// Everything the report builder shows for an agency and year: the report computed from live data with the
// editor's saved section texts over the drafts (六 pre-filled with the 信息处理费 figures), every finding of
// checkReport — the cross-year rules against last year's report (the published version, else one imported
// from its published file, else computed from live data) — the statutory deadline, and the published versions.
import type { Actor } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { canReport, computeAnnualReport } from '../../compute/index.ts'
import type { ComputedReport } from '../../compute/index.ts'
import { SECTION_KEYS } from '../../formats/index.ts'
import type { SectionKey } from '../../formats/index.ts'
import type { AnnualReport } from '../../model.ts'
import { checkReport } from '../../rules/index.ts'
import type { Finding } from '../../rules/index.ts'
import { DEFAULT_DEADLINE_RULES, reportDeadline, reportKindOf } from '../deadline.ts'
import type { DeadlineRules, ReportDeadline } from '../deadline.ts'
import { feeParagraph, summariseFees } from '../fee-summary.ts'
import { gateFindings } from '../gate.ts'
import type { FeeSummary } from '../fee-summary.ts'
import { canPublish } from '../publish.policy.ts'
import { ReportKeySchema } from '../report-key.schema.ts'
import type { ReportKeyInput } from '../report-key.schema.ts'
import { feeEventsOf, findAgencyRecord, findDraft, listVersionRows } from '../report-publish.queries.ts'
import type { AgencyRecord } from '../report-publish.queries.ts'
import type { ReportDraftTable, ReportVersionRow } from '../report-publish.table.ts'
import { parseInput } from '../../compute/parse-input.ts'

/** Where last year's report (for the cross-year rules) came from. */
export type PreviousSource = 'published' | 'imported' | 'computed' | 'none'

/** A published version as the console and the item page list it. */
export interface ReportVersion {
  readonly id: number
  readonly version: number
  readonly itemId: number
  readonly contentHash: string
  readonly changeNote: string | null
  readonly overrideReason: string | null
  readonly errorCount: number
  readonly publishedAt: string
}

export interface ReportBuilderView {
  readonly agency: AgencyRecord
  readonly year: number
  readonly computed: ComputedReport
  /** The computed report with the editor's section texts: what would be published now. */
  readonly report: AnnualReport
  readonly findings: readonly Finding[]
  readonly previous: { readonly source: PreviousSource; readonly label: string }
  readonly fees: FeeSummary
  readonly deadline: ReportDeadline
  readonly versions: readonly ReportVersion[]
  readonly draftSavedAt: string | null
  readonly abilities: { readonly edit: boolean; readonly publish: boolean; readonly override: boolean }
}

export function toReportVersion(row: ReportVersionRow): ReportVersion {
  return {
    id: row.id,
    version: row.version,
    itemId: row.item_id,
    contentHash: row.content_hash,
    changeNote: row.change_note,
    overrideReason: row.override_reason,
    errorCount: row.error_count,
    publishedAt: row.published_at,
  }
}

function savedSections(draft: ReportDraftTable | undefined): Partial<Record<SectionKey, string>> {
  if (!draft) return {}
  const parsed = JSON.parse(draft.sections_json) as Record<string, unknown>
  const out: Partial<Record<SectionKey, string>> = {}
  for (const key of SECTION_KEYS) {
    const v = parsed[key]
    if (typeof v === 'string') out[key] = v
  }
  return out
}

async function previousReport(
  db: DB,
  agencyId: number,
  year: number,
  draft: ReportDraftTable | undefined,
): Promise<{ report?: AnnualReport; source: PreviousSource; label: string }> {
  const published = (await listVersionRows(db, agencyId, year - 1)).at(-1)
  if (published) {
    return {
      report: JSON.parse(published.report_json) as AnnualReport,
      source: 'published',
      label: `本系统发布的${year - 1}年度报告（第${published.version}版）`,
    }
  }
  if (draft?.previous_json) {
    return {
      report: JSON.parse(draft.previous_json) as AnnualReport,
      source: 'imported',
      label: `导入的${year - 1}年度报告（${draft.previous_source ?? '已发布文件'}）`,
    }
  }
  if (year - 1 < 2019) return { source: 'none', label: `${year - 1}年度不适用现行报告格式，不作跨年度核对` }
  const computed = await computeAnnualReport(db, { agencyId, year: year - 1 })
  return { report: computed.report, source: 'computed', label: `根据本系统数据计算的${year - 1}年度报告` }
}

/** The builder's view, without a policy check (publication calls it after its own). */
export async function buildReportView(
  db: DB,
  actor: Actor,
  input: ReportKeyInput,
  options: { today: string; deadlineRules?: DeadlineRules },
): Promise<ReportBuilderView> {
  const { agencyId, year } = parseInput(ReportKeySchema, input)
  const agency = await findAgencyRecord(db, agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  const computed = await computeAnnualReport(db, { agencyId, year })
  const draft = await findDraft(db, agencyId, year)
  const fees = summariseFees(await feeEventsOf(db, agencyId, year))
  const saved = savedSections(draft)
  const report: AnnualReport = {
    ...computed.report,
    sections: { ...computed.report.sections, s6_other: feeParagraph(year, fees), ...saved },
  }
  const previous = await previousReport(db, agencyId, year, draft)
  const kind = reportKindOf(agency.kind)
  const findings = gateFindings(
    checkReport(report, {
      mode: 'generate',
      agencyKind: kind,
      publishedOn: options.today,
      ...(previous.report ? { previous: previous.report } : {}),
    }),
  )
  const target = { agencyId, agencyPath: agency.path }
  return {
    agency,
    year,
    computed,
    report,
    findings,
    previous: { source: previous.source, label: previous.label },
    fees,
    deadline: reportDeadline(year, kind, options.today, options.deadlineRules ?? DEFAULT_DEADLINE_RULES),
    versions: (await listVersionRows(db, agencyId, year)).map(toReportVersion),
    draftSavedAt: draft?.updated_at ?? null,
    abilities: {
      edit: canPublish(actor, 'annual_report.edit', target),
      publish: canPublish(actor, 'annual_report.publish', target),
      override: canPublish(actor, 'annual_report.override', target),
    },
  }
}

/** The builder's view for an actor who may compute the agency's report (staff, administrators, 监督员 above). */
export async function getReportBuilder(
  db: DB,
  actor: Actor,
  input: ReportKeyInput,
  options: { today: string; deadlineRules?: DeadlineRules },
): Promise<ReportBuilderView> {
  const data = parseInput(ReportKeySchema, input)
  const agency = await findAgencyRecord(db, data.agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  if (!canReport(actor, 'annual_report.compute', { agencyId: agency.id, agencyPath: agency.path })) {
    throw new DomainError('forbidden', '您没有执行此操作的权限')
  }
  return buildReportView(db, actor, data, options)
}
