// A table region of a PDF (lines of positioned text) → table blocks. Rows are anchored on lines that hold
// numbers; a label printed over several lines, or beside its numbers in a taller cell, joins the nearest row.
// Cells follow the SourceBlock contract: a label spanning several label columns repeats rightwards, a value
// column with nothing printed in a row is ''.
import { joinPieces } from './cjk-text.ts'
import { centre, lineText, type Chunk, type Line } from './pdf-geometry.ts'
import { isDataLine } from './pdf-regions.ts'
import {
  columnCentre,
  headerStacks,
  joinWrappedLabels,
  mergeVerticalRuns,
  nearestColumn,
  numberColumns,
  type Column,
} from './pdf-table-parts.ts'
import type { SourceBlock } from './source.ts'

interface Segment {
  header: Line[]
  body: Line[]
}

/** Table region lines → one table block per segment (a header with the rows under it); stray lines as text. */
export function regionBlocks(lines: Line[]): SourceBlock[] {
  const blocks: SourceBlock[] = []
  for (const segment of splitSegments(lines)) {
    const rows = segmentRows(segment)
    if (rows) blocks.push({ kind: 'table', rows })
    else {
      for (const line of [...segment.header, ...segment.body]) {
        blocks.push({ kind: 'text', text: lineText(line) })
      }
    }
  }
  return blocks
}

/**
 * Segments: header lines, then rows. A line without numbers after rows is a wrapped label when it stays left of
 * the numbers; otherwise it is the header (or caption) of the next segment, and label-only lines met just before
 * it go with it (a caption printed in the label column, as in 表二's 第二十条第（五）项).
 */
function splitSegments(lines: Line[]): Segment[] {
  const segments: Segment[] = []
  let current: Segment = { header: [], body: [] }
  let pending: Line[] = []
  let valueLeft = Infinity
  for (const line of lines) {
    if (isDataLine(line)) {
      current.body.push(...pending, line)
      pending = []
      valueLeft = Math.min(valueLeft, ...line.chunks.filter((c) => c.numeric).map((c) => c.left))
    } else if (current.body.length === 0) {
      current.header.push(line)
    } else if (line.right <= valueLeft + 0.5 * line.size) {
      pending.push(line)
    } else {
      segments.push(current)
      current = { header: [...pending, line], body: [] }
      pending = []
      valueLeft = Infinity
    }
  }
  current.body.push(...pending)
  segments.push(current)
  return segments
}

interface Row {
  gy: number
  labels: Chunk[]
  values: Chunk[]
}

function segmentRows(segment: Segment): string[][] | null {
  const dataLines = segment.body.filter(isDataLine)
  const numbers = dataLines.flatMap((l) => l.chunks.filter((c) => c.numeric))
  const firstNumbers = numberColumns(numbers)[0]
  if (!firstNumbers) return null
  const valueLeft = firstNumbers.left
  const isValue = (c: Chunk): boolean => c.numeric || c.left >= valueLeft - c.size

  const stacks = headerStacks(segment.header.flatMap((l) => l.chunks))
  const columns = withBlankColumns(numberColumns(numbers), stacks, valueLeft)

  const rows: Row[] = dataLines.map((l) => ({ gy: l.gy, labels: [], values: l.chunks.filter(isValue) }))
  const dataSet = new Set(dataLines)
  const labelChunks = segment.body.flatMap((l) =>
    dataSet.has(l) ? l.chunks.filter((c) => !isValue(c)) : l.chunks,
  )
  const isOnRow = (c: Chunk): boolean => rows.some((r) => Math.abs(r.gy - centre(c)) <= 0.5 * c.size)
  const labels = joinWrappedLabels(mergeVerticalRuns(labelChunks), isOnRow)
  for (const chunk of labels) attachLabel(rows, chunk)

  const starts = labelStarts(labels)
  const width = starts.length
  const header = headerRows(stacks, columns, valueLeft, width)
  const body = rows.map((row) => [...labelCells(row.labels, starts), ...valueCells(row.values, columns)])
  return [...header, ...body]
}

/** Header cells over value columns that no number reached (a column left blank in every row) become columns. */
function withBlankColumns(columns: Column[], stacks: Chunk[], valueLeft: number): Column[] {
  const leaves = stacks.filter((s) => s.left >= valueLeft - s.size && isLeaf(s, stacks))
  const extra = leaves.filter(
    (s) => !columns.some((c) => Math.min(c.right, s.right) > Math.max(c.left, s.left)),
  )
  return [...columns, ...extra.map((s) => ({ left: s.left, right: s.right }))].sort((a, b) => a.left - b.left)
}

function isLeaf(stack: Chunk, stacks: Chunk[]): boolean {
  return !stacks.some(
    (s) =>
      s !== stack &&
      s.top >= stack.bottom - 0.3 * s.size &&
      Math.min(s.right, stack.right) > Math.max(s.left, stack.left),
  )
}

function attachLabel(rows: Row[], chunk: Chunk): void {
  if (chunk.vertical) {
    const spanned = rows.filter(
      (r) => r.gy >= chunk.top - 0.3 * chunk.size && r.gy <= chunk.bottom + 0.3 * chunk.size,
    )
    if (spanned.length > 0) {
      for (const row of spanned) row.labels.push(chunk)
      return
    }
  }
  let nearest: Row | undefined
  for (const row of rows) {
    if (!nearest || Math.abs(row.gy - centre(chunk)) < Math.abs(nearest.gy - centre(chunk))) nearest = row
  }
  nearest?.labels.push(chunk)
}

/** Left edges of the label columns: x positions where at least two label pieces start. */
function labelStarts(labels: Chunk[]): number[] {
  const lefts = labels
    .filter((c) => !c.vertical)
    .map((c) => c.left)
    .sort((a, b) => a - b)
  const starts: number[] = []
  let group: number[] = []
  const close = (): void => {
    if (group.length >= 2 && group[0] !== undefined) starts.push(group[0])
    group = []
  }
  for (const left of lefts) {
    if (group.length > 0 && left - (group[0] ?? left) > 4) close()
    group.push(left)
  }
  close()
  return starts.length > 0
    ? starts
    : [Math.min(...labels.map((c) => c.left), Infinity)].filter(Number.isFinite)
}

function labelColumn(starts: number[], chunk: Chunk): number {
  let index = 0
  starts.forEach((start, i) => {
    if (start <= chunk.left + 4) index = i
  })
  return index
}

function labelCells(labels: Chunk[], starts: number[]): string[] {
  const cells = starts.map(() => '')
  for (const chunk of [...labels].sort((a, b) => a.top - b.top)) {
    const i = labelColumn(starts, chunk)
    cells[i] = joinPieces(cells[i] ?? '', chunk.text)
  }
  // A label printed once across several label columns (colspan) repeats rightwards, as in expanded HTML.
  for (let i = 1; i < cells.length; i++) {
    if (cells[i] === '' && cells[i - 1] !== '') cells[i] = cells[i - 1] ?? ''
  }
  return cells
}

function valueCells(values: Chunk[], columns: Column[]): string[] {
  const cells = columns.map(() => '')
  for (const chunk of values) {
    const i = nearestColumn(columns, chunk)
    cells[i] = joinPieces(cells[i] ?? '', chunk.text)
  }
  return cells
}

/**
 * Header rows: a header cell alone at its height is a caption across the whole table; cells with others under
 * them span the columns they cover; the lowest cells name one column each. Text over the label columns fills
 * the label cells of every header row, as a merged corner would.
 */
function headerRows(stacks: Chunk[], columns: Column[], valueLeft: number, labelWidth: number): string[][] {
  if (stacks.length === 0) return []
  const width = labelWidth + columns.length
  const alone = stacks.filter((s) => !stacks.some((o) => o !== s && o.top < s.bottom && o.bottom > s.top))
  const captions = alone.map((s) => Array.from({ length: width }, () => s.text))
  const rest = stacks.filter((s) => !alone.includes(s))
  const labelText = rest
    .filter((s) => s.right <= valueLeft + 0.5 * s.size)
    .map((s) => s.text)
    .reduce(joinPieces, '')
  const valueStacks = rest.filter((s) => s.right > valueLeft + 0.5 * s.size)
  const spanning: string[][] = []
  const leafRow = columns.map(() => '')
  for (const stack of valueStacks.sort((a, b) => a.top - b.top)) {
    if (isLeaf(stack, valueStacks)) {
      const i = nearestColumn(columns, stack)
      leafRow[i] = joinPieces(leafRow[i] ?? '', stack.text)
      continue
    }
    const covered = columns
      .map((c, i) => (columnCentre(c) >= stack.left - 2 && columnCentre(c) <= stack.right + 2 ? i : -1))
      .filter((i) => i >= 0)
    const target = covered.length > 0 ? covered : [nearestColumn(columns, stack)]
    let row = spanning.find((r) => target.every((i) => r[i] === ''))
    if (!row) {
      row = columns.map(() => '')
      spanning.push(row)
    }
    for (const i of target) row[i] = stack.text
  }
  // A lowest header cell with no parent over it reaches up through the spanning rows (自然人 and 总计 under
  // 申请人情况), so no header row has a gap that would read as a blank value.
  for (const row of spanning) row.forEach((cell, i) => (row[i] = cell === '' ? (leafRow[i] ?? '') : cell))
  const label = Array.from({ length: labelWidth }, () => labelText)
  const rows = [...spanning, ...(leafRow.some((c) => c !== '') || labelText !== '' ? [leafRow] : [])]
  return [...captions, ...rows.map((r) => [...label, ...r])]
}
