// Highlighting: HTML-escaped text with every occurrence of the query words wrapped in <mark>, and a snippet of
// the body around the first occurrence. Matching runs on the normalised text (same offsets as the original).
import { normalizeText } from './normalize.ts'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

type Range = [start: number, end: number]

/** Every [start, end) where a word occurs in `normalized`, merged and in order. */
function matchRanges(
  normalized: string,
  words: readonly string[],
  from = 0,
  to = normalized.length,
): Range[] {
  const ranges: Range[] = []
  for (const word of words) {
    let at = normalized.indexOf(word, from)
    while (at !== -1 && at + word.length <= to) {
      ranges.push([at, at + word.length])
      at = normalized.indexOf(word, at + 1)
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

function markRange(text: string, ranges: readonly Range[], from: number, to: number): string {
  let out = ''
  let at = from
  for (const [start, end] of ranges) {
    const s = Math.max(start, from)
    const e = Math.min(end, to)
    if (e <= s) continue
    out += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>'
    at = e
  }
  return out + escapeHtml(text.slice(at, to))
}

/** `text` escaped, with the query words marked. */
export function highlight(text: string, words: readonly string[]): string {
  return markRange(text, matchRanges(normalizeText(text), words), 0, text.length)
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/**
 * About `length` characters of `text` around the first occurrence of a query word (from its start when no
 * word occurs), escaped, words marked, with … where text was cut.
 */
export function snippet(text: string, words: readonly string[], length = 120): string {
  const normalized = normalizeText(text)
  let first = -1
  for (const w of words) {
    const at = normalized.indexOf(w)
    if (at !== -1 && (first === -1 || at < first)) first = at
  }
  let start = first <= length / 4 ? 0 : first - Math.floor(length / 4)
  let end = Math.min(text.length, start + length)
  if (end === text.length) start = Math.max(0, end - length)
  if (start > 0 && isLowSurrogate(text, start)) start--
  if (end < text.length && isLowSurrogate(text, end)) end++
  const ranges = matchRanges(normalized, words, Math.max(0, start - 64), Math.min(text.length, end + 64))
  return (start > 0 ? '…' : '') + markRange(text, ranges, start, end) + (end < text.length ? '…' : '')
}
