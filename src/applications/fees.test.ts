// 信息处理费, 国办函〔2020〕109号 第三条至第五条; examples from format-and-law.md §5, worked by hand.
import { describe, expect, it } from 'vitest'
import { perApplicationRate, perVolumeRate, quoteFee } from './fees.ts'

describe('按件 (第四条): per applicant per calendar month, excess-progressive', () => {
  it.each([
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [51, 400],
  ])('the %i-th application of the month costs %i 元', (n, rate) => {
    expect(perApplicationRate(n)).toBe(rate)
  })

  it.each([
    // 35 in a month: 1–10 free, 11–30 20 × 100, 31–35 5 × 200 = 3 000 元.
    [0, 35, 3000],
    [0, 10, 0],
    [10, 1, 100],
    // The 31st–35th after 30 earlier ones: 5 × 200.
    [30, 5, 1000],
    // The 41st: 300.
    [40, 1, 300],
  ])('after %i earlier applications, %i more cost %i 元', (priorThisMonth, units, amount) => {
    expect(quoteFee({ method: 'per_application', priorThisMonth, units }).amountYuan).toBe(amount)
  })

  it('lists the bands for the fee notice', () => {
    expect(quoteFee({ method: 'per_application', priorThisMonth: 0, units: 35 }).bands).toEqual([
      { from: 1, to: 10, units: 10, rateYuan: 0, subtotalYuan: 0 },
      { from: 11, to: 30, units: 20, rateYuan: 100, subtotalYuan: 2000 },
      { from: 31, to: 35, units: 5, rateYuan: 200, subtotalYuan: 1000 },
    ])
  })
})

describe('按量 (第五条): pages, excess-progressive', () => {
  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    // 150 pages: 70 × 10 + 50 × 20 = 1 700 元.
    [150, 1700],
    [200, 2700],
    // 201 pages: 700 + 2 000 + 1 × 40.
    [201, 2740],
  ])('%i pages cost %i 元', (pages, amount) => {
    expect(quoteFee({ method: 'per_volume', pages }).amountYuan).toBe(amount)
  })

  it('charges 40 元 a page from the 201st', () => {
    expect([perVolumeRate(200), perVolumeRate(201)]).toEqual([20, 40])
  })

  it('rejects negative and fractional counts', () => {
    expect(() => quoteFee({ method: 'per_volume', pages: -1 })).toThrow(RangeError)
    expect(() => quoteFee({ method: 'per_application', priorThisMonth: 0, units: 1.5 })).toThrow(RangeError)
  })
})
