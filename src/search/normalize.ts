// Text normalisation shared by indexing, querying and highlighting. Every character maps to exactly one
// character of the same UTF-16 length, so an offset in the normalised text is the same offset in the original
// (highlighting marks the original text at the positions found in the normalised one).
//
// - Full-width ASCII (ＡＢＣ１２３（）) → half-width; the ideographic space → a space.
// - Upper case → lower case where the lower-case form has the same length.
// - Separators, control and format characters (and lone surrogates) → a space: they split words and are
//   never part of a searchable term.

const BLANK = /^[\p{Z}\p{Cc}\p{Cf}\p{Cs}]$/u

function normalizeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0).toLowerCase()
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20)
    return code <= 0x20 || code === 0x7f ? ' ' : ch
  }
  if (BLANK.test(ch)) return ch.length === 2 ? '  ' : ' '
  const lower = ch.toLowerCase()
  return lower.length === ch.length ? lower : ch
}

/** Characters that map to themselves: printable ASCII but upper case, and the CJK unified ideographs. */
const NEEDS_MAPPING = /[^\u0021-\u0040\u005b-\u007e\u4e00-\u9fff]/gu

/** The normalised form of `text`, of exactly the same length (UTF-16 units) as `text`. */
export function normalizeText(text: string): string {
  return text.replace(NEEDS_MAPPING, normalizeChar)
}

/** The words of a query: normalised, split on blanks, duplicates and words contained in another dropped. */
export function queryWords(text: string): string[] {
  const words = [
    ...new Set(
      normalizeText(text)
        .split(' ')
        .filter((w) => w !== ''),
    ),
  ]
  // A word inside a longer word adds no condition ("区 城区" = "城区"); keep the longer one.
  return words.filter((w) => !words.some((other) => other !== w && other.includes(w)))
}
