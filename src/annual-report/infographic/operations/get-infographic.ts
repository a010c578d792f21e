// The 图解 of an agency's published annual report for a year: the figures of its latest version and a trend
// over the years with a published report (up to ten). Public: only published reports are read.
import { z } from 'zod'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import type { AnnualReport } from '../../model.ts'
import { infographicData } from '../figures.ts'
import type { InfographicData } from '../figures.ts'
import { latestPublishedReports } from '../infographic.queries.ts'

export const InfographicKeySchema = z.object({
  agencyId: z.coerce
    .number({ error: '机构编号无效' })
    .int('机构编号无效')
    .positive('机构编号无效')
    .max(2 ** 31 - 1, '机构编号无效'),
  year: z.coerce.number({ error: '年份无效' }).int('年份无效').min(2008, '年份无效').max(2100, '年份无效'),
})

export type InfographicKey = z.input<typeof InfographicKeySchema>

const TREND_YEARS = 10

export interface Infographic {
  readonly data: InfographicData
  /** The version shown and when it was published. */
  readonly version: number
  readonly publishedAt: string
}

/**
 * The report model of a stored version, or undefined when it has no table figures to draw: unreadable JSON, no
 * `cells` object, or not one numeric cell (a version stored before its tables were, say). Such a version is
 * left out of the trend, and its own year has no 图解 (404), never a server error.
 */
export function readReportCells(json: string): AnnualReport | undefined {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return undefined
  }
  if (value === null || typeof value !== 'object') return undefined
  const cells = (value as { cells?: unknown }).cells
  if (cells === null || typeof cells !== 'object' || Array.isArray(cells)) return undefined
  const numeric = Object.values(cells).some((v) => typeof v === 'number' && Number.isFinite(v))
  return numeric ? (value as AnnualReport) : undefined
}

/**
 * @throws DomainError('invalid_input' | 'not_found') — not found when the year has no published report, or its
 * latest version has no table figures.
 */
export async function getInfographic(db: DB, key: InfographicKey): Promise<Infographic> {
  const parsed = InfographicKeySchema.safeParse(key)
  if (!parsed.success) throw new DomainError('invalid_input', '年份或机构编号无效')
  const { agencyId, year } = parsed.data
  const agency = await db.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst()
  if (!agency) throw new DomainError('not_found', '机构不存在')
  const rows = await latestPublishedReports(db, agencyId, year, TREND_YEARS)
  const current = rows.find((r) => r.year === year)
  if (!current) throw new DomainError('not_found', '该年度的政府信息公开工作年度报告尚未发布')
  const report = readReportCells(current.report_json)
  if (!report) throw new DomainError('not_found', '该年度报告的发布版本没有表格数据，无法生成图解')
  const others = rows.flatMap((r) => {
    const other = r === current ? undefined : readReportCells(r.report_json)
    return other ? [{ year: r.year, report: other }] : []
  })
  return {
    data: infographicData(agency.name, year, report, others),
    version: current.version,
    publishedAt: current.published_at,
  }
}
