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

function parseReport(json: string): AnnualReport {
  const value = JSON.parse(json) as AnnualReport
  if (
    value === null ||
    typeof value !== 'object' ||
    typeof value.cells !== 'object' ||
    value.cells === null
  ) {
    throw new Error('a stored report version has no cells')
  }
  return value
}

/** @throws DomainError('invalid_input' | 'not_found') — not found when the year has no published report. */
export async function getInfographic(db: DB, key: InfographicKey): Promise<Infographic> {
  const parsed = InfographicKeySchema.safeParse(key)
  if (!parsed.success) throw new DomainError('invalid_input', '年份或机构编号无效')
  const { agencyId, year } = parsed.data
  const agency = await db.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst()
  if (!agency) throw new DomainError('not_found', '机构不存在')
  const rows = await latestPublishedReports(db, agencyId, year, TREND_YEARS)
  const current = rows.find((r) => r.year === year)
  if (!current) throw new DomainError('not_found', '该年度的政府信息公开工作年度报告尚未发布')
  const others = rows
    .filter((r) => r !== current)
    .map((r) => ({ year: r.year, report: parseReport(r.report_json) }))
  return {
    data: infographicData(agency.name, year, parseReport(current.report_json), others),
    version: current.version,
    publishedAt: current.published_at,
  }
}
