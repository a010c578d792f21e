// Query parameters of the column list and search pages: page, year, 主题分类. A malformed value is a clear
// 422 (invalid_input), never a 500 and never silently a different list.
import { DomainError } from '../../shared/domain-error.ts'

export const PAGE_SIZE = 20
/** Deepest page served (20 × 5,000 = 100,000 rows back; older items are reached by the year filter). */
export const MAX_PAGE = 5_000

export function parsePage(value: string | undefined): number {
  if (value === undefined || value === '') return 1
  if (!/^[1-9][0-9]{0,6}$/.test(value) || Number(value) > MAX_PAGE) {
    throw new DomainError('invalid_input', `页码无效：请使用 1 至 ${MAX_PAGE} 之间的整数。`, {
      page: '页码无效',
    })
  }
  return Number(value)
}

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined
  const n = Number(value)
  if (!/^[0-9]{4}$/.test(value) || n < 1949 || n > 2100) {
    throw new DomainError('invalid_input', '年份无效：请使用四位数字的年份。', { year: '年份无效' })
  }
  return n
}

/** The years offered in the year filter: this year back to 15 years ago. */
export function recentYears(now = new Date()): number[] {
  const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
  return Array.from({ length: 16 }, (_, i) => year - i)
}
