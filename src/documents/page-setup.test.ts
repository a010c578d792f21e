import { describe, expect, it } from 'vitest'
import {
  GONGWEN_A4,
  mmToPt,
  mmToTwip,
  pageNumberSide,
  pageNumberText,
  textHeightMm,
  textWidthMm,
} from './page-setup.ts'

describe('GB/T 9704 page setup', () => {
  it('leaves a 156 mm × 225 mm text area on A4 with 37 mm top and 28 mm left margins (§5.2)', () => {
    expect(GONGWEN_A4.marginTopMm).toBe(37)
    expect(GONGWEN_A4.marginLeftMm).toBe(28)
    expect(textWidthMm(GONGWEN_A4)).toBe(156)
    expect(textHeightMm(GONGWEN_A4)).toBe(225)
  })

  it('converts millimetres to points and twips', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72)
    expect(mmToTwip(210)).toBe(11906)
  })

  it('prints page numbers between dashes, odd ones at the right and even ones at the left (§7.5)', () => {
    expect(pageNumberText(3)).toBe('— 3 —')
    expect([1, 2, 3].map(pageNumberSide)).toEqual(['right', 'left', 'right'])
  })
})
