/**
 * The catalogue metadata block a disclosure page prints above a report (format-and-law.md §8.3): bulleted
 * `索引号: …` lines, several `label: value` pairs on one line, or a table of label and value cells.
 * Every pair goes into `raw`; the labels with a canonical key also fill that key. A label printed with no
 * value (the seed's `主题分类:`) is kept as ''.
 */
import type { CatalogueMetadata } from '../model.ts'
import { toHalfWidth } from './normalize.ts'
import type { SourceBlock } from './source.ts'

type CanonicalKey = Exclude<keyof CatalogueMetadata, 'raw'>

// Page-chrome labels, not report-format labels (those live in formats/). null = kept only in `raw`.
const METADATA_LABELS: readonly (readonly [string, CanonicalKey | null])[] = [
  ['索引号', 'indexNo'],
  ['主题分类', 'topicCategory'],
  ['主题导航', 'topicCategory'],
  ['标题', 'title'],
  ['名称', 'title'],
  ['信息名称', 'title'],
  ['公文名称', 'title'],
  ['发文机关', 'publisher'],
  ['发布机构', 'publisher'],
  ['发文单位', 'publisher'],
  ['发文机构', 'publisher'],
  ['公开主体', 'publisher'],
  ['信息来源', 'publisher'],
  ['成文日期', 'writtenDate'],
  ['生成日期', 'writtenDate'],
  ['发文日期', 'writtenDate'],
  ['发布日期', 'publishDate'],
  ['发布时间', 'publishDate'],
  ['公开日期', 'publishDate'],
  ['发文字号', 'docNumber'],
  ['文号', 'docNumber'],
  ['发布文号', 'docNumber'],
  ['体裁分类', null],
  ['组配分类', null],
  ['信息分类', null],
  ['公开目录', null],
  ['分类', null],
  ['主题词', null],
  ['关键词', null],
  ['有效性', null],
  ['时效', null],
  ['实施日期', null],
  ['废止日期', null],
  ['公开方式', null],
  ['公开属性', null],
  ['公开范围', null],
  ['内容概述', null],
  ['更新时间', null],
  ['来源', null],
]

const CANONICAL = new Map<string, CanonicalKey | null>(METADATA_LABELS)
// Longest first, so 信息来源 wins over 来源 and 发文字号 over 文号.
const ALTERNATIVES = [...CANONICAL.keys()].sort((a, b) => b.length - a.length).join('|')
const PAIR = new RegExp(`(?:^|[\\s|•·*])(${ALTERNATIVES})\\s*:`, 'g')
const BULLET = /^[\s•·*\-|]+/

/** Read the metadata block from the blocks before the report body; null when there is none. */
export function readMetadata(blocks: readonly SourceBlock[]): CatalogueMetadata | null {
  const pairs: [string, string][] = []
  for (const block of blocks) {
    if (block.kind === 'text') {
      pairs.push(...readPairs(block.text))
      continue
    }
    for (const row of block.rows) pairs.push(...readRow(row))
  }
  if (pairs.length === 0) return null
  const metadata: CatalogueMetadata = { raw: {} }
  for (const [label, value] of pairs) {
    if (label in metadata.raw) continue
    metadata.raw[label] = value
    const key = CANONICAL.get(label)
    if (key && metadata[key] === undefined) {
      metadata[key] = key === 'publishDate' || key === 'writtenDate' ? normaliseDate(value) : value
    }
  }
  return metadata
}

/** `label: value` pairs on one line; the line must start with a known label (after a bullet). */
function readPairs(line: string): [string, string][] {
  const text = toHalfWidth(line).replace(BULLET, '')
  if (text.length > 300) return []
  const matches = [...text.matchAll(PAIR)]
  const first = matches[0]
  if (!first || first.index !== 0) return []
  return matches.map((m, i) => {
    const label = m[1] ?? ''
    const from = (m.index ?? 0) + m[0].length
    const next = matches[i + 1]
    const to = next ? (next.index ?? text.length) : text.length
    return [label, cleanValue(text.slice(from, to))]
  })
}

/** A table row of label cells each followed by its value cell; cells may also hold `label: value`. */
function readRow(row: readonly string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let i = 0; i < row.length; i++) {
    const cell = toHalfWidth(row[i] ?? '').trim()
    const label = cell.replace(/\s*:$/, '')
    if (CANONICAL.has(label)) {
      const next = toHalfWidth(row[i + 1] ?? '').trim()
      const isLabel = CANONICAL.has(next.replace(/\s*:$/, ''))
      pairs.push([label, isLabel ? '' : cleanValue(next)])
      if (!isLabel) i++
    } else if (cell.includes(':')) {
      pairs.push(...readPairs(cell))
    }
  }
  return pairs
}

function cleanValue(value: string): string {
  return value.replace(/^[\s|]+|[\s|]+$/g, '')
}

/** `2021-12-31`, `2021/12/31`, `2021年12月31日` → `2021-12-31`; anything else as printed. */
export function normaliseDate(value: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(value)
  if (!m) return value
  return `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`
}
