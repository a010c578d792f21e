// The metadata block of an item (索引号, 主题分类, 发布机构 …) as a table of label and value cells, two pairs to
// a row as disclosure pages print it; a long value (a title, a 文号 with its agency) gets a row of its own.
import type { GridCell, GridRow, TableGrid } from '../../documents/index.ts'
import type { ItemMetadataEntry } from './item-document.ts'

// A value longer than this many characters does not fit a half row.
const HALF_ROW_CHARS = 14

function label(text: string): GridCell {
  return { text, header: true, scope: 'row', align: 'center' }
}

function value(text: string, colSpan = 1): GridCell {
  return colSpan > 1 ? { text, colSpan, align: 'left' } : { text, align: 'left' }
}

/** The metadata as a four-column grid (label, value, label, value); null when there is none. */
export function metadataGrid(entries: readonly ItemMetadataEntry[]): TableGrid | null {
  if (entries.length === 0) return null
  const rows: GridRow[] = []
  let pending: ItemMetadataEntry | null = null
  const wholeRow = (e: ItemMetadataEntry): void => {
    rows.push({ cells: [label(e.label), value(e.value, 3)] })
  }
  for (const entry of entries) {
    if ([...entry.value].length > HALF_ROW_CHARS) {
      if (pending) wholeRow(pending)
      pending = null
      wholeRow(entry)
    } else if (pending) {
      rows.push({
        cells: [label(pending.label), value(pending.value), label(entry.label), value(entry.value)],
      })
      pending = null
    } else {
      pending = entry
    }
  }
  if (pending) wholeRow(pending)
  return { caption: '', columnWidths: [2, 5, 2, 5], headerRows: 0, rows }
}
