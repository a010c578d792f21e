// The catalogue metadata a saved page printed, read with the annual-report module's metadata reader and
// mapped onto SavedPage fields.
import { normaliseDate, readMetadata, type SourceBlock } from '../../annual-report/index.ts'
import type { SavedPage } from './saved-page.ts'

type Metadata = NonNullable<ReturnType<typeof readMetadata>>

/** The metadata fields of a SavedPage. */
export type PageMetadata = Pick<
  SavedPage,
  | 'title'
  | 'indexNumber'
  | 'topic'
  | 'publisher'
  | 'writtenOn'
  | 'publishedOn'
  | 'docNumber'
  | 'validity'
  | 'keywords'
  | 'summary'
>

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

// A label spread out with blanks to the width of four characters (标题 with two ideographic spaces inside, 索 引 号), as pages align them.
const SPREAD_LABEL = /(^|[\s•·*|])((?:[\u4e00-\u9fff][ \u3000\u00a0]+){1,4}[\u4e00-\u9fff])(?=\s*[:：])/g

/** Closes up spread-out labels so that the metadata reader knows them. */
export function compactLabels(line: string): string {
  return line.replace(
    SPREAD_LABEL,
    (_, before: string, label: string) => before + label.replace(/[ \u3000\u00a0]+/g, ''),
  )
}

/**
 * The metadata reader compares in NFKC (half-width) form and returns values in that form; an item keeps the
 * value as printed (全角 punctuation of a title or 文号). Finds the printed text the value was read from.
 */
function asPrinted(value: string, sources: readonly string[]): string {
  for (const source of sources) {
    let normalised = ''
    const starts: number[] = []
    let offset = 0
    for (const ch of source) {
      const n = ch.normalize('NFKC')
      for (let k = 0; k < n.length; k++) starts.push(offset)
      normalised += n
      offset += ch.length
    }
    starts.push(offset)
    const at = normalised.indexOf(value)
    if (at === -1) continue
    const from = starts[at] ?? 0
    const to = starts[at + value.length] ?? source.length
    return source.slice(from, to)
  }
  return value
}

/** True when a single line is (part of) a metadata block: it starts with a known catalogue label. */
export function isMetadataLine(line: string): boolean {
  return readMetadata([{ kind: 'text', text: compactLabels(line) }]) !== null
}

function present(value: string | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim()
  return v === undefined || v === '' ? null : v
}

/** A date as YYYY-MM-DD, or null with a problem when it was printed but could not be read. */
export function isoDate(value: string | null | undefined, label: string, problems: string[]): string | null {
  const v = present(value ?? undefined)
  if (v === null) return null
  const date = normaliseDate(v)
  const m = ISO_DATE.exec(date)
  if (
    m &&
    !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) &&
    new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)
  ) {
    return date
  }
  problems.push(`${label}无法识别为日期：${v.slice(0, 40)}`)
  return null
}

/** Reads the metadata pairs out of the blocks of the page head; every field null when there are none. */
export function readPageMetadata(blocks: readonly SourceBlock[], problems: string[]): PageMetadata {
  const compacted = blocks.map((b): SourceBlock =>
    b.kind === 'text'
      ? { kind: 'text', text: compactLabels(b.text) }
      : { kind: 'table', rows: b.rows.map((row) => row.map(compactLabels)) },
  )
  const read: Metadata = readMetadata(compacted) ?? { raw: {} }
  const sources = compacted.flatMap((b) => (b.kind === 'text' ? [b.text] : b.rows.flat()))
  const printed = (v: string | undefined): string | undefined => (v === undefined ? v : asPrinted(v, sources))
  const raw = Object.fromEntries(Object.entries(read.raw).map(([k, v]) => [k, asPrinted(v, sources)]))
  const m = {
    title: printed(read.title),
    indexNo: printed(read.indexNo),
    topicCategory: printed(read.topicCategory),
    publisher: printed(read.publisher),
    docNumber: printed(read.docNumber),
  }
  return {
    title: present(m.title),
    indexNumber: present(m.indexNo),
    topic: present(m.topicCategory),
    publisher: present(m.publisher),
    writtenOn: isoDate(raw['成文日期'] ?? raw['生成日期'] ?? raw['发文日期'], '成文日期', problems),
    publishedOn: isoDate(raw['发布日期'] ?? raw['发布时间'] ?? raw['公开日期'], '发布日期', problems),
    docNumber: present(m.docNumber),
    validity: present(raw['有效性'] ?? raw['时效']),
    keywords: present(raw['关键词'] ?? raw['主题词']),
    summary: present(raw['内容概述']),
  }
}
