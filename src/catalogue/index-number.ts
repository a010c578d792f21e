// 索引号 schemes. The national shape (政府信息公开目录系统实施指引（试行）; format-and-law.md §8.1) is
// `前段码/后段码`: the publishing body's code, then the year, "-", a 5-digit serial. Agencies that use a
// local scheme configure a pattern made of literal ASCII characters and these tokens:
//   {code}        统一社会信用代码 if the agency has one, else its 9-character 组织机构代码
//   {creditCode}  统一社会信用代码 (18 characters)
//   {orgCode}     组织机构代码 without the hyphen (9 characters; from the credit code when not set)
//   {year}        4-digit publication year      {month}  2-digit publication month
//   {serial:N}    the serial, zero-padded to N digits (1–9); required, exactly once
// Serials count per agency and period: per month when the pattern has {month}, else per year when it has
// {year}, else for ever. They are allocated in the publishing transaction and never reused.
import { DomainError } from '../shared/domain-error.ts'
import type { IsoDate } from '../calendar/index.ts'

/** The national default: `<code>/<year>-<5-digit serial>`. */
export const DEFAULT_INDEX_PATTERN = '{code}/{year}-{serial:5}'

type Token =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'code' | 'creditCode' | 'orgCode' | 'year' | 'month' }
  | { readonly kind: 'serial'; readonly width: number }

/** A checked pattern. */
export interface IndexScheme {
  readonly pattern: string
  readonly tokens: readonly Token[]
}

/** The codes of the publishing agency that a pattern may use. */
export interface IndexCodes {
  readonly creditCode: string | null
  readonly orgCode: string | null
}

const LITERAL = /^[A-Za-z0-9/_.-]+$/
const NAMED = new Set(['code', 'creditCode', 'orgCode', 'year', 'month'])

function invalid(message: string): DomainError {
  return new DomainError('invalid_input', message, { indexPattern: message })
}

/** Check and compile a pattern. @throws DomainError('invalid_input') naming what is wrong. */
export function parseIndexPattern(pattern: string): IndexScheme {
  const tokens: Token[] = []
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g
  let serials = 0
  for (const m of pattern.matchAll(re)) {
    const [, name, literal, stray] = m
    if (stray !== undefined) throw invalid('索引号规则中的花括号不成对')
    if (literal !== undefined) {
      if (!LITERAL.test(literal)) throw invalid(`索引号规则只能包含字母、数字和 / - _ . 字符：${literal}`)
      tokens.push({ kind: 'literal', text: literal })
      continue
    }
    const serial = /^serial:([1-9])$/.exec(name ?? '')
    if (serial) {
      serials++
      tokens.push({ kind: 'serial', width: Number(serial[1]) })
    } else if (name !== undefined && NAMED.has(name)) {
      tokens.push({ kind: name as 'code' })
    } else {
      throw invalid(`索引号规则中有未知的占位符：{${name ?? ''}}`)
    }
  }
  if (serials !== 1) throw invalid('索引号规则必须恰好包含一个流水号占位符 {serial:N}')
  return { pattern, tokens }
}

/** The counter period of a publication date under `scheme` (`2026`, `2026-03` or `all`). */
export function indexPeriod(scheme: IndexScheme, publishedOn: IsoDate): string {
  const kinds = new Set(scheme.tokens.map((t) => t.kind))
  if (kinds.has('month')) return publishedOn.slice(0, 7)
  if (kinds.has('year')) return publishedOn.slice(0, 4)
  return 'all'
}

function orgCodeOf(codes: IndexCodes): string | null {
  if (codes.orgCode !== null) return codes.orgCode.replace('-', '')
  // GB 32100-2015 §4.1: characters 9–17 of the credit code are the organisation code.
  if (codes.creditCode !== null) return codes.creditCode.slice(8, 17)
  return null
}

function requireCode(value: string | null, label: string): string {
  if (value === null || value === '') {
    throw new DomainError('invalid_input', `发布机构未设置${label}，无法生成索引号，请先在机构信息中填写`)
  }
  return value
}

/** The 索引号 for `serial` (≥ 1) published on `publishedOn` by an agency with `codes`. */
export function formatIndexNumber(
  scheme: IndexScheme,
  args: { readonly codes: IndexCodes; readonly publishedOn: IsoDate; readonly serial: number },
): string {
  return scheme.tokens
    .map((t) => {
      switch (t.kind) {
        case 'literal':
          return t.text
        case 'code':
          return requireCode(args.codes.creditCode ?? orgCodeOf(args.codes), '统一社会信用代码或组织机构代码')
        case 'creditCode':
          return requireCode(args.codes.creditCode, '统一社会信用代码')
        case 'orgCode':
          return requireCode(orgCodeOf(args.codes), '组织机构代码')
        case 'year':
          return args.publishedOn.slice(0, 4)
        case 'month':
          return args.publishedOn.slice(5, 7)
        case 'serial':
          return String(args.serial).padStart(t.width, '0')
      }
    })
    .join('')
}
