// Building parts of a PDF table: value columns found from where numbers sit, header cells rejoined from text split
// over lines ("商业"/"企业", "商 业 企"/"业"), and single characters stacked down a merged cell ("三、","本","年"…).
import { joinPieces } from './cjk-text.ts'
import { centre, overlap, type Chunk } from './pdf-geometry.ts'

export interface Column {
  left: number
  right: number
}

export function columnCentre(column: Column): number {
  return (column.left + column.right) / 2
}

/**
 * Columns from the numbers of a table: numbers whose horizontal extents overlap are one column. This holds for
 * centred, left- and right-aligned cells alike, since neighbouring cells never overlap.
 */
export function numberColumns(numbers: Chunk[]): Column[] {
  const sorted = [...numbers].sort((a, b) => a.left - b.left)
  const columns: Column[] = []
  for (const chunk of sorted) {
    const last = columns.at(-1)
    if (last && chunk.left <= last.right + 1) last.right = Math.max(last.right, chunk.right)
    else columns.push({ left: chunk.left, right: chunk.right })
  }
  return columns
}

/** Index of the column nearest to a chunk: the most overlapped one, else the one with the nearest centre. */
export function nearestColumn(columns: Column[], chunk: Chunk): number {
  let best = 0
  let bestScore = -Infinity
  columns.forEach((column, i) => {
    const o = overlap(column, chunk)
    const score = o > 0 ? o : -Math.abs(columnCentre(column) - (chunk.left + chunk.right) / 2)
    if (score > bestScore) {
      bestScore = score
      best = i
    }
  })
  return best
}

/**
 * Header text pieces stacked in one cell, joined top to bottom. A piece continues the one above when it sits
 * under it alone (a parent header over several cells never joins a child), starts at the same x or is centred
 * under it, is not wider, and follows within three lines.
 */
export function headerStacks(chunks: Chunk[]): Chunk[] {
  const stacks: Chunk[] = []
  const sorted = [...chunks].sort((a, b) => a.top - b.top || a.left - b.left)
  for (const chunk of sorted) {
    const size = chunk.size
    const sameLine = sorted.filter((c) => c !== chunk && c.top < chunk.bottom && c.bottom > chunk.top)
    const isAlone = (s: Chunk): boolean =>
      !sorted.some((c) => c.top < s.bottom && c.bottom > s.top && overlap(c, s) <= 0)
    const above = stacks.find((s) => {
      // A caption alone on its line never joins the header row under it (第二十条第（一）项 / 信息内容 …).
      if (isAlone(s) && sameLine.length > 0) return false
      const gap = chunk.top - s.bottom
      const aligned =
        Math.abs(s.left - chunk.left) <= 0.5 * size || Math.abs(centre2(s) - centre2(chunk)) <= 0.5 * size
      return (
        gap >= -0.3 * size &&
        gap <= 3 * size &&
        aligned &&
        chunk.right - chunk.left <= s.right - s.left + 0.5 * size &&
        !sameLine.some((c) => overlap(c, s) > 0)
      )
    })
    if (above) {
      above.text = joinPieces(above.text, chunk.text)
      above.right = Math.max(above.right, chunk.right)
      above.bottom = Math.max(above.bottom, chunk.bottom)
    } else {
      stacks.push({ ...chunk })
    }
  }
  return stacks
}

function centre2(chunk: Chunk): number {
  return (chunk.left + chunk.right) / 2
}

const SHORT = 2

/**
 * Vertical text in a merged label cell: a vertical-font run, or single characters each on its own line at the
 * same x. Consecutive pieces become one chunk spanning their height; other chunks pass through.
 */
export function mergeVerticalRuns(chunks: Chunk[]): Chunk[] {
  const isPiece = (c: Chunk): boolean => c.vertical || [...c.text].length <= SHORT
  const runs: Chunk[][] = []
  for (const piece of chunks.filter(isPiece).sort((a, b) => a.top - b.top)) {
    const run = runs.find((r) => {
      const last = r.at(-1)
      return (
        last !== undefined &&
        Math.abs(last.left - piece.left) <= 3 &&
        piece.top - last.bottom <= 1.5 * Math.max(last.size, piece.size) * (last.vertical ? 1 : 1.5)
      )
    })
    if (run) run.push(piece)
    else runs.push([piece])
  }
  const out = chunks.filter((c) => !isPiece(c))
  for (const run of runs) {
    const first = run[0]
    const last = run.at(-1)
    if (!first || !last) continue
    const isVertical = run.length >= 3 || first.vertical
    if (!isVertical) {
      out.push(...run)
      continue
    }
    out.push({
      text: run.map((c) => c.text).reduce(joinPieces, ''),
      left: Math.min(...run.map((c) => c.left)),
      right: Math.max(...run.map((c) => c.right)),
      top: first.top,
      bottom: last.bottom,
      size: first.size,
      vertical: true,
      numeric: false,
    })
  }
  return out.sort((a, b) => centre(a) - centre(b))
}

function sameLine(a: Chunk, b: Chunk): boolean {
  return Math.abs(centre(a) - centre(b)) < 0.5 * Math.min(a.size, b.size)
}

function joined(a: Chunk, b: Chunk): Chunk {
  return {
    ...a,
    text: joinPieces(a.text, b.text),
    left: Math.min(a.left, b.left),
    right: Math.max(a.right, b.right),
    top: Math.min(a.top, b.top),
    bottom: Math.max(a.bottom, b.bottom),
  }
}

/** The numbering that opens a row label (1. / 2、 / （三） / 四、): such a line starts a label, never continues one. */
const ROW_MARKER = /^(\d+\s*[.、．]|[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/

/**
 * Label text wrapped inside its cell, as one chunk per cell: pieces of one printed line first ("正、" +
 * "行政机关…"), then lines under each other at the same x within about a line's gap ("（五）不" / "予处理").
 * Two lines that each sit beside a row's numbers are two rows' labels and never join; nor does a numbered line.
 */
export function joinWrappedLabels(labels: Chunk[], isOnRow: (chunk: Chunk) => boolean): Chunk[] {
  const lines: Chunk[] = []
  const byLine = [...labels].sort((a, b) => (sameLine(a, b) ? a.left - b.left : a.top - b.top))
  for (const chunk of byLine) {
    const last = lines.at(-1)
    if (
      last &&
      !last.vertical &&
      !chunk.vertical &&
      sameLine(last, chunk) &&
      chunk.left - last.right < 0.6 * chunk.size
    ) {
      lines[lines.length - 1] = joined(last, chunk)
    } else {
      lines.push(chunk)
    }
  }
  const cells: { chunk: Chunk; onRow: boolean }[] = []
  for (const chunk of lines) {
    const onRow = isOnRow(chunk)
    const above = chunk.vertical
      ? undefined
      : cells.find(
          (c) =>
            !c.chunk.vertical &&
            Math.abs(c.chunk.left - chunk.left) <= 2 &&
            chunk.top - c.chunk.bottom >= -0.3 * chunk.size &&
            chunk.top - c.chunk.bottom <= 1.2 * chunk.size &&
            !(c.onRow && onRow) &&
            !ROW_MARKER.test(chunk.text),
        )
    if (above) {
      above.chunk = joined(above.chunk, chunk)
      above.onRow ||= onRow
    } else {
      cells.push({ chunk, onRow })
    }
  }
  return cells.map((c) => c.chunk)
}
