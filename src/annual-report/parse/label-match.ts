/**
 * Matching one printed label against the label tables. Exact key first; then a label cut short (split over
 * lines, truncated copy) or carrying a trailing note, as long as the match stays unique.
 */
import type { SectionKey } from '../formats/index.ts'
import { labelIndex } from './label-index.ts'
import type { T2ColumnEntry, T2RowEntry, T3RowEntry } from './label-index.ts'
import type { LabelMarker } from './normalize.ts'

// Below this length a cut-off label is too ambiguous to complete (e.g. 属于 starts eight rows).
const MIN_PREFIX = 4
// How much trailing text a label may carry (e.g. 处理决定数量（2023年办件量）).
const MAX_SUFFIX = 12
// Share of a label's characters a typo'd printing must keep at its start and end.
const LIKENESS = 0.6

/** The section a heading opens: `二、主动公开政府信息情况`, `五.存在的主要问题和改进情况` … or null. */
export function matchSection(marker: LabelMarker): SectionKey | null {
  // Only `一、` style ordinals open a section; `（一）` is a subsection of 总体情况 with similar words.
  if (marker.kind !== 'top' && marker.kind !== null) return null
  for (const section of labelIndex().sections) {
    for (const body of section.bodies) {
      if (marker.kind === 'top' ? startsWithin(marker.body, body) : marker.body === body) return section.key
    }
  }
  return null
}

/** The 表二 block a caption opens (第二十条第（五）项 …) and any text printed after it, or null. */
export function matchT2Caption(key: string): { block: string; rest: string } | null {
  for (const [caption, block] of labelIndex().t2Captions) {
    if (key === caption || startsWithin(key, caption)) return { block, rest: key.slice(caption.length) }
  }
  return null
}

/** A row of a 表二 block, exact label first, then the longest label the text starts with. */
export function matchT2Row(block: string, key: string): T2RowEntry | null {
  const entries = labelIndex().t2Rows.get(block) ?? []
  let best: T2RowEntry | null = null
  for (const e of entries) {
    if (e.key === key) return e
    if (startsWithin(key, e.key) && (!best || e.key.length > best.key.length)) best = e
  }
  return best
}

/** Column labels of a 表二 block (in either format) that a header cell names. */
export function matchT2Columns(block: string, key: string): T2ColumnEntry[] {
  if (key === '') return []
  const entries = labelIndex().t2Columns.get(block) ?? []
  return entries.filter(
    (e) =>
      e.key === key || startsWithin(key, e.key) || (key.length >= MIN_PREFIX - 1 && e.key.startsWith(key)),
  )
}

/** The 表三 data row a label names, or null (group labels such as （三）不予公开 are not data rows). */
export function matchT3Row(marker: LabelMarker): T3RowEntry | null {
  const rows = labelIndex().t3Rows
  for (const r of rows) {
    if (r.marker.body !== marker.body) continue
    // Short bodies (总计, 其他) are also column labels: only the row's own ordinal makes them a row.
    if (r.marker.body.length <= 2 && !sameOrdinal(r.marker, marker)) continue
    return r
  }
  // `（六）其他` for （六）其他处理: a bare ordinal with the start of its label.
  if (marker.kind === 'paren' || marker.kind === 'top') {
    const byOrdinal = rows.filter(
      (r) => sameOrdinal(r.marker, marker) && r.marker.body.startsWith(marker.body),
    )
    if (byOrdinal.length === 1 && marker.body.length > 0) return byOrdinal[0] ?? null
  }
  if (marker.body.length < MIN_PREFIX) return null
  return byPrefix(rows, marker) ?? byOrdinalAndLikeness(rows, marker)
}

function byPrefix(rows: readonly T3RowEntry[], marker: LabelMarker): T3RowEntry | null {
  const candidates = rows.filter(
    (r) =>
      r.marker.body.length >= MIN_PREFIX &&
      (r.marker.body.startsWith(marker.body) || startsWithin(marker.body, r.marker.body)) &&
      (marker.kind === null || sameOrdinal(r.marker, marker)),
  )
  return candidates.length === 1 ? (candidates[0] ?? null) : null
}

/**
 * A numbered row with a typo as printed (洪泽 2023: `2.其他法律行政止公开`): among the rows with the same
 * ordinal, the one sharing the most leading plus trailing characters, if that is clearly one row.
 */
function byOrdinalAndLikeness(rows: readonly T3RowEntry[], marker: LabelMarker): T3RowEntry | null {
  if (marker.kind !== 'digit' && marker.kind !== 'paren') return null
  let best: T3RowEntry | null = null
  let bestScore = 0
  let tie = false
  for (const r of rows) {
    if (!sameOrdinal(r.marker, marker)) continue
    const score = likeness(r.marker.body, marker.body)
    if (score > bestScore) {
      best = r
      bestScore = score
      tie = false
    } else if (score === bestScore) {
      tie = true
    }
  }
  // Most of the label must be there: 属于某类信息 is not 属于三类内部事务信息 although both start 属于.
  if (!best || tie || bestScore < MIN_PREFIX) return null
  return bestScore >= LIKENESS * best.marker.body.length ? best : null
}

/** Common leading plus common trailing characters (not overlapping). */
function likeness(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let head = 0
  while (head < max && a[head] === b[head]) head++
  let tail = 0
  while (tail < max - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  return head + tail
}

function sameOrdinal(a: LabelMarker, b: LabelMarker): boolean {
  return a.kind === b.kind && a.ordinal === b.ordinal
}

/** `text` starts with `label` and carries at most a short trailing note. */
function startsWithin(text: string, label: string): boolean {
  return label.length >= 2 && text.length - label.length <= MAX_SUFFIX && text.startsWith(label)
}
