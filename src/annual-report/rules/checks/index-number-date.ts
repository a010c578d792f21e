// The date a 索引号 embeds, at the precision it has: `20230618-163525-505` → 2023-06-18, `…/202110-00013` →
// 2021-10, `000014349/2018-00222` or `01527918X-2020-153077` → 2018 / 2020 (format-and-law.md §8.2).

/** A date prefix: YYYY-MM-DD, YYYY-MM or YYYY; comparable with a YYYY-MM-DD date cut to the same length. */
export type DatePrefix = string

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return y >= 1990 && y <= 2100 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function indexNoDate(indexNo: string): DatePrefix | undefined {
  for (const m of indexNo.matchAll(/(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g)) {
    const [, y = '', mo = '', d = ''] = m
    if (validDate(Number(y), Number(mo), Number(d))) return `${y}-${mo}-${d}`
  }
  const ym = /[/-]((?:19|20)\d{2})(0[1-9]|1[0-2])-\d{3,}$/.exec(indexNo)
  if (ym) return `${ym[1] ?? ''}-${ym[2] ?? ''}`
  const y = /[/-]((?:19|20)\d{2})-\d{3,}$/.exec(indexNo)
  return y ? y[1] : undefined
}
