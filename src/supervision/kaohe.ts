// The 考核 overview as data: one row per subordinate agency and year, its columns (label, value, how it
// sorts and prints) defined once for the page, the CSV and the XLSX. Pure.

export type ReportStatus = 'on_time' | 'late' | 'unpublished' | 'no_deadline'

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  on_time: '按时发布',
  late: '逾期发布',
  unpublished: '未发布',
  no_deadline: '已发布（无法定期限）',
}

export interface KaoheRow {
  readonly agencyId: number
  readonly agencyName: string
  /** Depth below the office (1 = direct subordinate). */
  readonly depth: number
  /** 主动公开: items published in the year. */
  readonly itemsPublished: number
  /** Of those, published within 20 working days of 形成或变更 (条例第二十六条). */
  readonly itemsOnTime: number
  /** Items whose timeliness is known (有形成日期 and a known calendar); the share's denominator. */
  readonly itemsTimingKnown: number
  /** 依申请公开: cases answered in the year. */
  readonly answered: number
  readonly answeredOnTime: number
  /** Open cases past their due date today. */
  readonly overdueNow: number
  readonly reviewConcluded: number
  readonly reviewCorrected: number
  readonly litigationConcluded: number
  readonly litigationCorrected: number
  /** The report for the year: first published on (China date), its deadline and standing. */
  readonly reportPublishedOn: string | null
  readonly reportDeadline: string | null
  readonly reportStatus: ReportStatus
}

/** A share as a fraction, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

/** A share as a percentage with one decimal (e.g. `87.5%`), or `—`. */
export function formatShare(value: number | null): string {
  if (value === null) return '—'
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
}

export type CellValue = string | number | null

export interface KaoheColumn {
  readonly key: string
  readonly label: string
  /** The value sorted on and written to XLSX (numbers as numbers; shares as fractions). */
  readonly value: (row: KaoheRow) => CellValue
  /** The text shown on the page and written to CSV. */
  readonly text: (row: KaoheRow) => string
  /** `percent`: an XLSX cell with a percentage format. */
  readonly kind: 'text' | 'integer' | 'percent'
}

function integer(key: string, label: string, pick: (row: KaoheRow) => number): KaoheColumn {
  return { key, label, value: pick, text: (r) => String(pick(r)), kind: 'integer' }
}

function percent(key: string, label: string, part: (r: KaoheRow) => number, whole: (r: KaoheRow) => number) {
  const value = (r: KaoheRow) => share(part(r), whole(r))
  return { key, label, value, text: (r: KaoheRow) => formatShare(value(r)), kind: 'percent' } as const
}

export const KAOHE_COLUMNS: readonly KaoheColumn[] = [
  { key: 'agency', label: '机构', value: (r) => r.agencyName, text: (r) => r.agencyName, kind: 'text' },
  integer('items', '主动公开信息数', (r) => r.itemsPublished),
  percent(
    'itemsOnTime',
    '20个工作日内公开率',
    (r) => r.itemsOnTime,
    (r) => r.itemsTimingKnown,
  ),
  integer('answered', '依申请答复数', (r) => r.answered),
  percent(
    'answeredOnTime',
    '按期答复率',
    (r) => r.answeredOnTime,
    (r) => r.answered,
  ),
  integer('overdue', '当前逾期未答复', (r) => r.overdueNow),
  integer('reviewCorrected', '行政复议被纠正', (r) => r.reviewCorrected),
  integer('litigationCorrected', '行政诉讼被纠正', (r) => r.litigationCorrected),
  {
    key: 'report',
    label: '年度报告',
    value: (r) => REPORT_STATUS_ORDER[r.reportStatus],
    text: (r) =>
      r.reportPublishedOn === null
        ? REPORT_STATUS_LABELS[r.reportStatus]
        : `${REPORT_STATUS_LABELS[r.reportStatus]}（${r.reportPublishedOn}）`,
    kind: 'text',
  },
]

/** Report standings from worst to best, so an ascending sort puts 未发布 first. */
const REPORT_STATUS_ORDER: Readonly<Record<ReportStatus, number>> = {
  unpublished: 0,
  late: 1,
  no_deadline: 2,
  on_time: 3,
}

export const KAOHE_SORT_KEYS: readonly string[] = KAOHE_COLUMNS.map((c) => c.key)
export type SortDirection = 'asc' | 'desc'

/** The rows sorted by a column (nulls last in either direction; ties by agency name, then id). */
export function sortKaohe(rows: readonly KaoheRow[], key: string, direction: SortDirection): KaoheRow[] {
  const column = KAOHE_COLUMNS.find((c) => c.key === key) ?? KAOHE_COLUMNS[0]
  if (column === undefined) return [...rows]
  const sign = direction === 'asc' ? 1 : -1
  const collator = new Intl.Collator('zh-Hans-CN')
  return [...rows].sort((a, b) => {
    const va = column.value(a)
    const vb = column.value(b)
    if (va !== vb) {
      if (va === null) return 1
      if (vb === null) return -1
      const c =
        typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb))
      if (c !== 0) return sign * c
    }
    return collator.compare(a.agencyName, b.agencyName) || a.agencyId - b.agencyId
  })
}

/** Report standing from the first publication date (China) and the statutory deadline. */
export function reportStatusOf(publishedOn: string | null, deadline: string | null): ReportStatus {
  if (publishedOn === null) return 'unpublished'
  if (deadline === null) return 'no_deadline'
  return publishedOn <= deadline ? 'on_time' : 'late'
}
