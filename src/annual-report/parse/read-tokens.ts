/**
 * One pass over the token stream: which section we are in, which table, which row; values go to the row
 * whose label came last. Rows are found by their printed labels and the table's own structure (caption →
 * header → row label → values), never by trusting a header row blindly: 003.txt prints a made-up header
 * (本年新收件数 | 上年结转件数 | …) over rows that are really （七）总计 and 四、结转. Linear in the number of tokens.
 */
import type { FormatKey, SectionKey } from '../formats/index.ts'
import { FORMATS } from '../formats/index.ts'
import { labelIndex } from './label-index.ts'
import { matchSection, matchT2Caption, matchT2Columns, matchT2Row, matchT3Row } from './label-match.ts'
import { labelKey, parseCellValue, splitMarker } from './normalize.ts'
import type { CellValue } from './normalize.ts'
import type { Token } from './tokens.ts'

export interface RawRow {
  table: 't2' | 't3'
  /** 表二 block key. */
  block?: string
  /** Row key, or null for a row the format does not define (kept as an extra row). */
  row: string | null
  label: string
  values: CellValue[]
  /** The format whose label this is, when the other format lacks it. */
  signal?: FormatKey
  /** Columns the values stand in, when not the first ones (a text row whose blank cells were dropped). */
  columns?: number[]
}

export type FormatCounts = Record<FormatKey, number>

export interface ReadResult {
  rows: RawRow[]
  /** 表四's single data row, in printed order; null when no 表四 was met. */
  t4: CellValue[] | null
  /** Per 表二 block: how many header labels were specific to each format. */
  blockSignals: Map<string, FormatCounts>
  /** Labels specific to one format met anywhere (P-FORMAT-VERSION). */
  signals: FormatCounts
  sections: Map<SectionKey, string[]>
}

// A label longer than this, or one with a full stop, is prose.
const MAX_LABEL = 60
const T3_WIDTH = FORMATS.gov2021.t3.columns.length
const T4_WIDTH = FORMATS.gov2021.t4.columns.length

type Context = 't2' | 't3' | 't4' | null

interface Pending {
  row: RawRow
  expected: number
  signal?: FormatKey
  /** Values came from table cells (not flattened text). */
  fromTable?: boolean
}

/** Read sections, 表二/三/四 rows and 表四's values out of the tokens. */
export function readTokens(tokens: readonly Token[]): ReadResult {
  const index = labelIndex()
  const result: ReadResult = {
    rows: [],
    t4: null,
    blockSignals: new Map(),
    signals: { gov2019: 0, gov2021: 0 },
    sections: new Map(),
  }
  let section: SectionKey | null = null
  let context: Context = null
  let block: string | null = null
  let pending: Pending | null = null
  const headerWidth = new Map<string, number>()
  const rowsRead = new Set<string>()
  let lastHeaderKey = ''
  let headerHit = false

  const finish = (atEnd = false): void => {
    if (pending && pending.row.values.length > 0) {
      pending.row.values = pending.row.values.slice(0, pending.expected)
      // Copied text drops empty cells: a 表三 row ended by the next label after two values is 自然人 and 总计
      // with the five 法人或其他组织 cells left out (002's layout). At the end of a cut text the row is just cut.
      if (pending.row.table === 't3' && !pending.fromTable && !atEnd && pending.row.values.length === 2) {
        pending.row.columns = [0, T3_WIDTH - 1]
      }
      result.rows.push(pending.row)
      if (pending.signal) result.signals[pending.signal]++
    }
    pending = null
  }

  const start = (row: RawRow, expected: number, signal?: FormatKey): void => {
    finish()
    pending = signal ? { row: { ...row, signal }, expected, signal } : { row, expected }
  }

  const waitsForValues = (): boolean =>
    pending !== null && pending.row.row !== null && pending.row.values.length === 0

  const prose = (text: string, sameLine: boolean | undefined): void => {
    if (!section || text === '') return
    const lines = result.sections.get(section)
    if (!lines) return
    if (sameLine && lines.length > 0) lines[lines.length - 1] += ` ${text}`
    else lines.push(text)
  }

  const onValue = (value: CellValue, token: Token): boolean => {
    if (pending) {
      pending.row.values.push(value)
      pending.fromTable = token.inTable
      // In flattened text nothing marks the end of a row but the count; a table row ends at its last cell.
      if (!token.inTable && pending.row.values.length >= pending.expected) finish()
      return true
    }
    if (context === 't4' && result.t4) {
      if (result.t4.length < T4_WIDTH) result.t4.push(value)
      if (result.t4.length === T4_WIDTH) context = null
      return true
    }
    return context !== null
  }

  const onLabel = (text: string, token: Token): void => {
    const isProse = text.length > MAX_LABEL || text.includes('。')
    if (isProse && openRunInHeading(text, token)) return
    const marker = splitMarker(text)
    if (!isProse) {
      const heading = matchSection(marker)
      if (heading) {
        finish()
        section = heading
        if (!result.sections.has(heading)) result.sections.set(heading, [])
        context = tableOfSection(heading)
        if (context === 't4') result.t4 ??= []
        block = null
        return
      }
      const key = labelKey(text)
      const caption = matchT2Caption(key)
      if (caption) {
        finish()
        context = 't2'
        block = caption.block
        if (caption.block === 'art20_9') result.signals.gov2019++
        // PDF text can glue the caption to the first header cell (第二十条第（九）项采购项目数量).
        if (caption.rest !== '') readT2Label(caption.rest)
        return
      }
      if (context === 't2' && block && readT2Label(key)) return
      if (context !== 't4' && readT3Label(marker, key)) return
      if ((context === 't3' || context === null) && index.t4Groups.has(key)) {
        finish()
        context = 't4'
        result.t4 ??= []
        return
      }
    }
    if (pending && pending.row.values.length === 0 && !isProse) {
      // Rest of a label split over lines; in a table row, the cell nearest the values names an unknown row
      // (a PDF row reads 三、本年 | 三、本年 | 其他主动公开文件 | 5 …, the first cells being group labels).
      if (pending.row.row !== null) return
      if (token.inTable) {
        pending.row.label = text
        return
      }
      // Flattened text: join the pieces and match again (行政 / 许可, 第二十条 / 第（一）项).
      const joined = pending.row.label + text
      if (joined.length <= MAX_LABEL) {
        pending = null
        onLabel(joined, token)
      }
      return
    }
    if (context === 't4' && !isProse) return // 表四's header labels
    // Before its first caption 表二 has no width yet: a short line there is the section's prose.
    const expected = context === 't3' ? T3_WIDTH : blockWidth(block)
    if ((context === 't2' || context === 't3') && !isProse && expected > 0) {
      start(
        {
          table: context,
          ...(block && context === 't2' ? { block } : {}),
          row: null,
          label: text,
          values: [],
        },
        expected,
      )
      return
    }
    finish()
    prose(text, token.sameLine)
  }

  /** `一、总体情况。2021年，…` or `五、存在的主要问题及改进情况：…`: a heading and its first paragraph on one line. */
  const openRunInHeading = (text: string, token: Token): boolean => {
    const end = headingEnd(text)
    if (end < 0) return false
    const heading = text.slice(0, end)
    if (!matchSection(splitMarker(heading))) return false
    onLabel(heading, token)
    prose(text.slice(end + 1).trim(), false)
    return true
  }

  const readT2Label = (key: string): boolean => {
    if (!block) return false
    if (key === index.t2RowHeader) return true
    const columns = matchT2Columns(block, key)
    if (columns.length > 0) {
      finish()
      // A header printed again after rows (a repeated table) is counted afresh, not added to the first.
      if (rowsRead.has(block)) {
        rowsRead.delete(block)
        headerWidth.delete(block)
      }
      // A header cell repeated by colspan expansion counts once.
      if (key !== lastHeaderKey) headerWidth.set(block, (headerWidth.get(block) ?? 0) + 1)
      lastHeaderKey = key
      headerHit = true
      const counts = result.blockSignals.get(block) ?? { gov2019: 0, gov2021: 0 }
      for (const c of columns) if (c.specific) counts[c.format]++
      result.blockSignals.set(block, counts)
      for (const c of columns) if (c.specific) result.signals[c.format]++
      return true
    }
    const row = matchT2Row(block, key)
    if (!row) return false
    rowsRead.add(block)
    start({ table: 't2', block, row: row.row, label: key, values: [] }, blockWidth(block), row.signal)
    return true
  }

  const readT3Label = (marker: ReturnType<typeof splitMarker>, key: string): boolean => {
    if (context !== 't3' && key.startsWith(index.t3CornerNote.slice(0, 8))) {
      finish()
      context = 't3'
      return true
    }
    const row = matchT3Row(marker)
    // Outside 表三 only its first row opens it (a heading may be missing); other labels would be guesses.
    if (!row || (context !== 't3' && row.row !== 'new_received')) return false
    context = 't3'
    start({ table: 't3', row: row.row, label: key, values: [] }, T3_WIDTH, row.signal)
    return true
  }

  const blockWidth = (b: string | null): number => {
    if (!b) return 0
    const header = headerWidth.get(b)
    if (header) return header
    const counts = index.t2ColumnCount.get(b)
    return counts ? Math.max(counts.gov2019, counts.gov2021) : 0
  }

  for (const token of tokens) {
    const text = token.text.trim()
    headerHit = false
    if (text !== '' || token.inTable) {
      const value = text.length <= 24 ? parseCellValue(text) : null
      if (value) {
        if (!onValue(value, token)) prose(text, token.sameLine)
      } else {
        onLabel(text, token)
      }
      if (!headerHit) lastHeaderKey = ''
    }
    // A known row whose label filled its table row (a PDF wraps 部分公开（区分处理的…）over two rows) keeps
    // waiting for its values in the next row; anything else ends with its row.
    if (token.rowEnd && !waitsForValues()) finish()
  }
  finish(true)
  return result
}

function tableOfSection(section: SectionKey): Context {
  const def = FORMATS.gov2021.sections.find((s) => s.key === section)
  return def?.table ?? null
}

/** Where a heading run into its paragraph ends (the first 。/：/: within a heading's length), or -1. */
function headingEnd(text: string): number {
  const limit = Math.min(text.length, 40)
  for (let i = 2; i < limit; i++) {
    const ch = text[i]
    if (ch === '。' || ch === '：' || ch === ':') return i
  }
  return -1
}
