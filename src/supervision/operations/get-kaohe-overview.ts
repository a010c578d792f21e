// The 考核 overview of a supervising office for a year: per subordinate agency, 主动公开 (items and the share
// within 20 working days), 依申请公开 (answered and the share on time; overdue now), 复议/诉讼 纠正 and the
// annual report's standing. Five grouped statements over the subtree, merged here.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { reportDeadline, reportKindOf } from '../../annual-report/publish/index.ts'
import { OPEN_STATUSES } from '../../applications/index.ts'
import { chinaDateOf } from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { reportStatusOf } from '../kaohe.ts'
import type { KaoheRow } from '../kaohe.ts'
import {
  answerFigures,
  appealFigures,
  itemFigures,
  overdueFigures,
  reportFirstPublished,
  subtreeAgencyRows,
} from '../kaohe.queries.ts'
import { authorizeSupervision } from '../supervision.policy.ts'

export const KaoheOverviewSchema = z.object({
  agencyId: z.coerce
    .number({ error: '机构编号无效' })
    .int('机构编号无效')
    .positive('机构编号无效')
    .max(2 ** 31 - 1, '机构编号无效'),
  year: z.coerce.number({ error: '年份无效' }).int('年份无效').min(2008, '年份无效').max(2100, '年份无效'),
})

export type KaoheOverviewInput = z.input<typeof KaoheOverviewSchema>

export interface KaoheOverview {
  readonly officeId: number
  readonly officeName: string
  readonly year: number
  /** The day "overdue now" was taken on (China date). */
  readonly today: string
  readonly rows: readonly KaoheRow[]
}

function parse(input: unknown): z.output<typeof KaoheOverviewSchema> {
  const result = KaoheOverviewSchema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message
  throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', fields)
}

function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

/** The overview for an actor allowed to supervise the office. @throws DomainError not_found | forbidden | invalid_input */
export async function getKaoheOverview(
  db: DB,
  actor: Actor,
  input: KaoheOverviewInput,
  now: Date = new Date(),
): Promise<KaoheOverview> {
  const data = parse(input)
  const office = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'path'])
    .where('id', '=', data.agencyId)
    .executeTakeFirst()
  if (!office) throw new DomainError('not_found', '机构不存在')
  authorizeSupervision(actor, 'supervision.kaohe', { agencyId: office.id, agencyPath: office.path })
  const subtree = { path: office.path, officeId: office.id }
  const from = `${data.year}-01-01`
  const to = `${data.year}-12-31`
  const today = chinaToday(now)
  const [agencies, items, answers, overdue, appeals, reports] = await Promise.all([
    subtreeAgencyRows(db, subtree),
    itemFigures(db, subtree, from, to),
    answerFigures(db, subtree, from, to),
    overdueFigures(db, subtree, OPEN_STATUSES, today),
    appealFigures(db, subtree, from, to),
    reportFirstPublished(db, subtree, data.year),
  ])
  const byId = <T extends { agency_id: number }>(list: readonly T[]) =>
    new Map(list.map((r) => [r.agency_id, r]))
  const itemMap = byId(items)
  const answerMap = byId(answers)
  const overdueMap = byId(overdue)
  const appealMap = byId(appeals)
  const reportMap = byId(reports)
  const officeDepth = office.path.split('/').length
  const rows = agencies.map((a): KaoheRow => {
    const i = itemMap.get(a.id)
    const c = answerMap.get(a.id)
    const p = appealMap.get(a.id)
    const published = reportMap.get(a.id)
    const publishedOn = published ? chinaDateOf(published.first_published_at) : null
    const deadline = reportDeadline(data.year, reportKindOf(a.kind), today).date
    return {
      agencyId: a.id,
      agencyName: a.name,
      depth: a.path.split('/').length - officeDepth,
      itemsPublished: i?.published ?? 0,
      itemsOnTime: i?.on_time ?? 0,
      itemsTimingKnown: i?.timing_known ?? 0,
      answered: c?.answered ?? 0,
      answeredOnTime: c?.answered_on_time ?? 0,
      overdueNow: overdueMap.get(a.id)?.overdue ?? 0,
      reviewConcluded: p?.review_concluded ?? 0,
      reviewCorrected: p?.review_corrected ?? 0,
      litigationConcluded: p?.litigation_concluded ?? 0,
      litigationCorrected: p?.litigation_corrected ?? 0,
      reportPublishedOn: publishedOn,
      reportDeadline: deadline,
      reportStatus: reportStatusOf(publishedOn, deadline),
    }
  })
  return { officeId: office.id, officeName: office.name, year: data.year, today, rows }
}
