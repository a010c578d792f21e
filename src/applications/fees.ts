// 信息处理费 (条例第四十二条; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》). Both methods are
// excess-progressive (超额累进): each band's rate applies only to the units inside that band (第三条).

/** One band of a fee computation, as printed in a 收费通知. */
export interface FeeBand {
  /** First unit of the band (1-based). */
  from: number
  /** Last unit of the band charged here. */
  to: number
  units: number
  rateYuan: number
  subtotalYuan: number
}

/** A computed fee: the method, the units charged and the per-band breakdown. */
export interface FeeQuote {
  method: 'per_application' | 'per_volume'
  amountYuan: number
  bands: readonly FeeBand[]
}

/** What to charge for: one method per application, never both (第三条). */
export type FeeInput =
  /** 按件 (第四条): `priorThisMonth` applications by the same applicant already counted this calendar month,
   * `units` for this application (1, or more when split by 一事一申请). */
  | { method: 'per_application'; priorThisMonth: number; units: number }
  /** 按量 (第五条): the number of pages provided. */
  | { method: 'per_volume'; pages: number }

/**
 * 按件 rate of the n-th application of an applicant in a calendar month (第四条): 1–10 free, 11–30 at
 * 100 元/件, then bands of 10, each 100 元/件 dearer than the last (31–40 at 200, 41–50 at 300, …).
 */
export function perApplicationRate(n: number): number {
  if (n <= 10) return 0
  if (n <= 30) return 100
  return 100 * (Math.floor((n - 31) / 10) + 2)
}

/** 按量 rate of the n-th page (第五条): ≤30 free, 31–100 at 10, 101–200 at 20, 201 and more at 40 元/页. */
export function perVolumeRate(n: number): number {
  if (n <= 30) return 0
  if (n <= 100) return 10
  if (n <= 200) return 20
  return 40
}

function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what}必须是非负整数：${value}`)
}

// Sums units first+1 … first+count at their marginal rates, grouping equal rates into printed bands.
function quoteBands(first: number, count: number, rateOf: (n: number) => number): FeeBand[] {
  const bands: FeeBand[] = []
  for (let n = first + 1; n <= first + count; n++) {
    const rate = rateOf(n)
    const last = bands.at(-1)
    if (last !== undefined && last.rateYuan === rate) {
      last.to = n
      last.units++
      last.subtotalYuan += rate
    } else {
      bands.push({ from: n, to: n, units: 1, rateYuan: rate, subtotalYuan: rate })
    }
  }
  return bands
}

/**
 * The fee for one application. Example: the 31st–35th applications of a month after 30 earlier ones
 * cost 5 × 200 = 1 000 元; 35 in a month cost 20 × 100 + 5 × 200 = 3 000 元 in all; 150 pages cost
 * 70 × 10 + 50 × 20 = 1 700 元.
 */
export function quoteFee(input: FeeInput): FeeQuote {
  let bands: FeeBand[]
  if (input.method === 'per_application') {
    assertCount(input.priorThisMonth, '本月已申请件数')
    assertCount(input.units, '件数')
    bands = quoteBands(input.priorThisMonth, input.units, perApplicationRate)
  } else {
    assertCount(input.pages, '页数')
    bands = quoteBands(0, input.pages, perVolumeRate)
  }
  const amountYuan = bands.reduce((sum, band) => sum + band.subtotalYuan, 0)
  return { method: input.method, amountYuan, bands }
}
