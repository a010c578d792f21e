// The index terms of a normalised text: every character (unigram) and every pair of adjacent characters
// (bigram) inside a word (a run without blanks). A query word of one character is its unigram; a word of n ≥ 2
// characters is its n−1 bigrams, which occur in a document exactly when the word does (as a phrase on SQLite,
// with a substring check on PostgreSQL). Characters are code points, so a surrogate pair is one character.

/** Words of a normalised text, each as an array of characters (code points). */
function words(normalized: string): string[][] {
  return normalized
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => Array.from(w))
}

/**
 * Title terms are the title's characters and bigrams with this private-use character in front, so they are
 * terms of their own: the title tier of a word common in bodies reads a short posting list, not the long one.
 */
export const TITLE_TERM_PREFIX = '\uE000'

/** Separates the bigrams of two words in the SQLite phrase column, so no phrase runs across a blank. */
export const WORD_BREAK = '|||'

export interface TextGrams {
  /** Every character, space-separated (order irrelevant). */
  readonly unigrams: string
  /** Every bigram in text order, space-separated, with WORD_BREAK between words. */
  readonly bigrams: string
}

/** The unigram and bigram token strings of a normalised text, for the SQLite FTS5 columns. */
export function textGrams(normalized: string, prefix = ''): TextGrams {
  const unigrams: string[] = []
  const bigrams: string[] = []
  for (const chars of words(normalized)) {
    if (bigrams.length > 0) bigrams.push(WORD_BREAK)
    for (let i = 0; i < chars.length; i++) {
      unigrams.push(prefix + (chars[i] as string))
      if (i + 1 < chars.length) bigrams.push(prefix + (chars[i] as string) + (chars[i + 1] as string))
    }
  }
  return { unigrams: unigrams.join(' '), bigrams: bigrams.join(' ') }
}

/** The distinct unigrams and bigrams of a normalised text (PostgreSQL's array column). */
export function gramSet(normalized: string, into = new Set<string>(), prefix = ''): Set<string> {
  for (const chars of words(normalized)) {
    for (let i = 0; i < chars.length; i++) {
      into.add(prefix + (chars[i] as string))
      if (i + 1 < chars.length) into.add(prefix + (chars[i] as string) + (chars[i + 1] as string))
    }
  }
  return into
}

/** The terms that a query word needs: its only character, or its bigrams in order. */
export function wordGrams(word: string): string[] {
  const chars = Array.from(word)
  if (chars.length === 1) return chars
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push((chars[i] as string) + (chars[i + 1] as string))
  return out
}
