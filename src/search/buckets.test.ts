import { expect, it } from 'vitest'
import { preferredRankKey } from './rank-key.ts'
import { coverDays, dayOf, documentLexemes } from './search-postgres.queries.ts'
import { seededRandom } from './sample-corpus.ts'

const doc = { agencyId: 1, columnId: 1, year: 2020 }

/** Rank key of a document published `days` after 2015-01-01 (at a random time of that day). */
function keyOn(days: number, rand: () => number): number {
  const at = Date.UTC(2015, 0, 1) + days * 86_400_000 + Math.floor(rand() * 86_400_000)
  return preferredRankKey(new Date(at).toISOString(), Math.floor(rand() * 100_000))
}

it('covers exactly the documents of a range of days with few bucket lexemes', () => {
  const rand = seededRandom(5)
  for (let i = 0; i < 200; i++) {
    const from = Math.floor(rand() * 4000)
    const to = from + Math.floor(rand() * (i % 2 === 0 ? 20 : 3000))
    const lo = dayOf(keyOn(from, rand))
    const hi = dayOf(keyOn(to, rand))
    const cover = new Set(coverDays(lo, hi))
    expect(cover.size).toBeLessThanOrEqual(2 * 7 * 4)
    for (const d of [
      from - 9,
      from - 1,
      from,
      from + 1,
      to - 1,
      to,
      to + 1,
      to + 64,
      Math.floor((from + to) / 2),
    ]) {
      const key = keyOn(d, rand)
      const inside = d >= from && d <= to
      expect({ d, covered: documentLexemes(doc, key).some((l) => cover.has(l)) }).toEqual({
        d,
        covered: inside,
      })
    }
  }
})

it('gives filter and bucket lexemes that no character or bigram can equal', () => {
  for (const l of documentLexemes({ agencyId: 7, columnId: 3, year: 2021 }, keyOn(10, seededRandom(1)))) {
    expect(Array.from(l).length).toBeGreaterThanOrEqual(3)
    expect(l.codePointAt(0)).toBeGreaterThan(0xe000)
  }
})
