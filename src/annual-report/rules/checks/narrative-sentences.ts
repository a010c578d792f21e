// The sentences of a report's prose that state this year's figures for the agency as a whole: the input of the
// P-NARRATIVE-* checks, which flag only clear contradictions.

const ANY_YEAR = /((?:19|20)\d{2})\s*年/g

/**
 * Sentences matching `topic`, without figures of other years, year-on-year comparisons, or a part of the agency
 * speaking (区政府办代表区政府受理…, 本级), which may count a narrower scope than the tables.
 */
export function claimSentences(text: string, year: number | null, topic: RegExp): string[] {
  return text
    .split(/[。；;\n]/)
    .filter((s) => topic.test(s))
    .filter((s) => year === null || [...s.matchAll(ANY_YEAR)].every((m) => Number(m[1]) === year))
    .filter((s) => !/同比|较上年|比上年/.test(s))
    .filter((s) => !/代表|本级|政府办|办公室|办公厅/.test(s))
}

/** Words between a keyword and a number, and the number with its unit (件, 起 …), as a pattern source. */
export const GAP = '([^，,。；;\\d%％]{0,14}?)'
export const COUNT = '(\\d+)\\s*(?:件|个|项|条|份|宗|起)'
