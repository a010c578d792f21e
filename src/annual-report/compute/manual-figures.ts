// The 表二 figures an agency enters by hand (行政许可, 行政处罚, 行政强制 decisions; 行政事业性收费 in 万元; the 2019
// 试行 item counts): parsing a value by its cell type, and reading them from a CSV. Pure.
import { findCell } from '../formats/index.ts'
import type { CellAddress, ReportFormat } from '../formats/index.ts'
import { isManualCell, manualCells } from './build-tables.ts'

/** One figure with where it came from. */
export interface ManualFigure {
  /** Cell address, e.g. `t2.art20_6.administrative_penalty.decisions_this_year`. */
  readonly cell: CellAddress
  /** The number as entered (integer, or a decimal for 万元), normalised (no thousands separators). */
  readonly value: string
  /** Where it comes from (system, statistics table, date). */
  readonly source: string
}

/** A value checked against its cell's type: the normalised text and number, or a Chinese message. */
export function parseFigureValue(
  format: ReportFormat,
  cell: CellAddress,
  raw: string,
): { value: string; number: number } | { error: string } {
  const def = findCell(format, cell)
  if (!def || !isManualCell(format, cell)) return { error: `${cell}不是需要手工填报的表二单元格` }
  const text = raw.trim().replace(/[,，\s]/g, '')
  const patterns: Record<string, RegExp> = {
    int: /^\d{1,12}$/,
    signed_int: /^[+-]?\d{1,12}$/,
    decimal: /^\d{1,12}(\.\d{1,6})?$/,
    money: /^\d{1,14}(\.\d{1,6})?$/,
  }
  const messages: Record<string, string> = {
    int: '应为不小于0的整数',
    signed_int: '应为整数（减少填负数）',
    decimal: '应为不小于0的数，单位万元，最多6位小数',
    money: '应为不小于0的数，单位万元',
  }
  if (!patterns[def.type]?.test(text)) return { error: messages[def.type] ?? '数值无效' }
  const normalised = text.replace(/^\+/, '')
  return { value: normalised, number: Number(normalised) }
}

/** A label that names a manual cell: its address, or (where the row has one manual column) the row's label. */
export function resolveFigureCell(format: ReportFormat, name: string): CellAddress | undefined {
  const trimmed = name.trim()
  const manual = manualCells(format)
  if (manual.includes(trimmed)) return trimmed
  for (const block of format.t2.blocks) {
    const row = block.rows.find((r) => r.label === trimmed)
    if (!row) continue
    const cells = manual.filter((c) => c.startsWith(`t2.${block.key}.${row.key}.`))
    if (cells.length === 1) return cells[0]
  }
  return undefined
}

/** RFC 4180 fields of one CSV text (quotes, doubled quotes, CRLF); a BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  const src = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

const HEADERS = {
  cell: ['cell', '单元格', '项目', '指标'],
  value: ['value', '数值', '数量', '金额'],
  source: ['source', '来源', '数据来源'],
}

/**
 * Figures from a CSV with a header row naming the columns (cell/项目, value/数值, source/来源). Every bad line is
 * reported (`line N` → message), and nothing is returned unless every line is good.
 */
export function readFiguresCsv(
  format: ReportFormat,
  text: string,
): { figures: ManualFigure[] } | { errors: Record<string, string> } {
  const rows = parseCsv(text)
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? []
  const index = (names: readonly string[]) => header.findIndex((h) => names.includes(h))
  const at = { cell: index(HEADERS.cell), value: index(HEADERS.value), source: index(HEADERS.source) }
  if (at.cell < 0 || at.value < 0 || at.source < 0) {
    return { errors: { 'line 1': '第一行应为列名：项目,数值,来源（或 cell,value,source）' } }
  }
  const errors: Record<string, string> = {}
  const figures: ManualFigure[] = []
  const seen = new Set<string>()
  rows.slice(1).forEach((r, i) => {
    const line = `line ${i + 2}`
    const name = r[at.cell] ?? ''
    const cell = resolveFigureCell(format, name)
    if (cell === undefined) {
      errors[line] = `“${name.trim()}”不是本格式表二中需要手工填报的项目`
      return
    }
    if (seen.has(cell)) {
      errors[line] = `“${name.trim()}”重复`
      return
    }
    seen.add(cell)
    const parsed = parseFigureValue(format, cell, r[at.value] ?? '')
    if ('error' in parsed) {
      errors[line] = `${name.trim()}：${parsed.error}`
      return
    }
    const source = (r[at.source] ?? '').trim()
    if (source === '' || source.length > 200) {
      errors[line] = `${name.trim()}：请注明数据来源（不超过200字）`
      return
    }
    figures.push({ cell, value: parsed.value, source })
  })
  return Object.keys(errors).length > 0 ? { errors } : { figures }
}
