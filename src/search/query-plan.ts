// A search query turned into what the engines need: its words (normalised) and, per word, the index terms.
import { wordGrams } from './grams.ts'
import { queryWords } from './normalize.ts'

export interface QueryWord {
  /** The normalised word; a document matches when its normalised text contains it. */
  readonly text: string
  /** Its only character, or its bigrams in order. */
  readonly grams: readonly string[]
  /** True for one character (grams are unigrams), false for two or more (grams are bigrams). */
  readonly single: boolean
}

export interface SearchFilters {
  readonly agencyIds?: readonly number[]
  readonly columnId?: number
  readonly year?: number
}

export interface QueryPlan {
  readonly words: readonly QueryWord[]
  readonly filters: SearchFilters
}

export function planQuery(text: string, filters: SearchFilters): QueryPlan {
  const words = queryWords(text).map((w) => {
    const grams = wordGrams(w)
    return { text: w, grams, single: Array.from(w).length === 1 }
  })
  return { words, filters }
}

/** Which documents a scan returns: all matches, those with every word in the title, or the others. */
export type Tier = 'all' | 'title' | 'rest'
