// Page geometry and type sizes of 党政机关公文格式 (GB/T 9704-2012), shared by every generated DOCX and PDF.

const MM_PER_INCH = 25.4

/** Millimetres to PDF points (1/72 inch). */
export function mmToPt(mm: number): number {
  return (mm * 72) / MM_PER_INCH
}

/** Millimetres to Word twentieths of a point (twips). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / MM_PER_INCH)
}

/** Points to Word half-points (the unit of `w:sz`). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2)
}

/** A page layout in millimetres. */
export interface PageGeometry {
  widthMm: number
  heightMm: number
  marginTopMm: number
  marginBottomMm: number
  marginLeftMm: number
  marginRightMm: number
  /** Distance from the bottom edge of the text area to the bottom edge of the page number. */
  pageNumberBelowTextMm: number
}

/**
 * GB/T 9704-2012 §5.2: A4 paper (210 mm × 297 mm); 天头 (top margin) 37 mm, 订口 (left margin) 28 mm;
 * 版心 (text area) 156 mm × 225 mm, which leaves 26 mm on the right and 35 mm at the bottom.
 * §7.5: the page number sits below the text area, its lower edge 7 mm under the text area's lower edge.
 */
export const GONGWEN_A4: PageGeometry = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
  pageNumberBelowTextMm: 7,
}

/** Width of the text area (版心) in millimetres. */
export function textWidthMm(page: PageGeometry): number {
  return page.widthMm - page.marginLeftMm - page.marginRightMm
}

/** Height of the text area (版心) in millimetres. */
export function textHeightMm(page: PageGeometry): number {
  return page.heightMm - page.marginTopMm - page.marginBottomMm
}

/** Chinese type sizes (字号) in points, as GB/T 9704 names them. */
export const TYPE_SIZE_PT = {
  二号: 22,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
  五号: 10.5,
  小五: 9,
} as const

/**
 * GB/T 9704 §5.2.3: 22 lines of 三号 text per page. The line pitch is therefore the text-area height over 22
 * (≈ 28.95 pt), which is what Word's "exact 28.95 pt" line spacing in 公文 templates comes from.
 */
export const GONGWEN_LINES_PER_PAGE = 22

/** Line pitch of body text in points: 版心 height / 22 lines. */
export function bodyLinePitchPt(page: PageGeometry): number {
  return mmToPt(textHeightMm(page)) / GONGWEN_LINES_PER_PAGE
}

/** GB/T 9704 §7.5: the page number is an Arabic numeral between two 一字线 dashes, e.g. `— 1 —`. */
export function pageNumberText(pageNumber: number): string {
  return `— ${pageNumber} —`
}

/**
 * GB/T 9704 §7.5: odd page numbers sit at the right, even ones at the left, each one character in from the
 * edge of the text area (so they sit on the outer edge of a double-sided print).
 */
export function pageNumberSide(pageNumber: number): 'left' | 'right' {
  return pageNumber % 2 === 1 ? 'right' : 'left'
}
