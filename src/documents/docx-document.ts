// Word documents set up as 公文 pages (GB/T 9704): page geometry, page numbers, and the paragraph styles of
// title, headings and body text.
import {
  AlignmentType,
  Footer,
  LineRuleType,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx'
import {
  BODY_FONT,
  HEADING_FONT,
  LATIN_FONT,
  TABLE_FONT,
  TITLE_FONT,
  primaryFamily,
  type FontStack,
} from './fonts.ts'
import {
  GONGWEN_A4,
  bodyLinePitchPt,
  mmToTwip,
  ptToHalfPoints,
  textWidthMm,
  TYPE_SIZE_PT,
  type PageGeometry,
} from './page-setup.ts'

function runFont(stack: FontStack): { ascii: string; hAnsi: string; eastAsia: string } {
  const latin = primaryFamily(LATIN_FONT)
  return { ascii: latin, hAnsi: latin, eastAsia: primaryFamily(stack) }
}

/** Exact line pitch in twips (GB/T 9704 §5.2.3: 22 lines per page). */
function linePitchTwip(page: PageGeometry): number {
  return Math.round(bodyLinePitchPt(page) * 20)
}

/** Width of the text area in twips, for full-width tables. */
export function docxTextWidthTwip(page: PageGeometry = GONGWEN_A4): number {
  return mmToTwip(textWidthMm(page))
}

/** Id of the paragraph style of table cells (宋体 五号, centred), so cells need not repeat their run properties. */
export const DOCX_TABLE_TEXT_STYLE = 'GongkaiTableText'

/** Document-wide defaults: body text 仿宋 三号 (GB/T 9704 §7: 正文用3号仿宋体字), and the table text style. */
export function gongwenStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: runFont(BODY_FONT), size: ptToHalfPoints(TYPE_SIZE_PT.三号) } },
    },
    paragraphStyles: [
      {
        id: DOCX_TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        run: { font: runFont(TABLE_FONT), size: ptToHalfPoints(TYPE_SIZE_PT.五号) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 240, before: 0, after: 0 } },
      },
    ],
  }
}

// GB/T 9704 §7.5 sets page numbers in 宋体.
const PAGE_NUMBER_FONT: FontStack = { families: ['宋体', 'SimSun', 'Noto Serif CJK SC'] }

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        // One character in from the edge of the text area (GB/T 9704 §7.5).
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: ptToHalfPoints(TYPE_SIZE_PT.四号),
            font: runFont(PAGE_NUMBER_FONT),
          }),
        ],
      }),
    ],
  })
}

/**
 * Section properties of a 公文 page: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm, and page numbers `— N —`
 * at the right on odd pages and the left on even pages (the document must enable even/odd footers).
 */
export function gongwenSection(
  children: ISectionOptions['children'],
  page: PageGeometry = GONGWEN_A4,
): ISectionOptions {
  const footerDistanceMm = page.marginBottomMm - page.pageNumberBelowTextMm - 5
  return {
    properties: {
      page: {
        size: { width: mmToTwip(page.widthMm), height: mmToTwip(page.heightMm) },
        margin: {
          top: mmToTwip(page.marginTopMm),
          bottom: mmToTwip(page.marginBottomMm),
          left: mmToTwip(page.marginLeftMm),
          right: mmToTwip(page.marginRightMm),
          footer: mmToTwip(footerDistanceMm),
        },
      },
    },
    footers: { default: pageNumberFooter(AlignmentType.RIGHT), even: pageNumberFooter(AlignmentType.LEFT) },
    children,
  }
}

/** The title: 二号 方正小标宋, centred (GB/T 9704 §7.3.1). */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: linePitchTwip(GONGWEN_A4) },
    children: [new TextRun({ text, size: ptToHalfPoints(TYPE_SIZE_PT.二号), font: runFont(TITLE_FONT) })],
  })
}

/** A first-level heading such as 一、总体情况: 黑体 三号, indented two characters (GB/T 9704 §7.3.3). */
export function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    keepNext: true,
    spacing: { line: linePitchTwip(GONGWEN_A4), lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: runFont(HEADING_FONT) })],
  })
}

/** Body paragraphs, one per line of `text`: 仿宋 三号, exact 22-lines-per-page pitch, first line indented 2 characters. */
export function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(
      (line) =>
        new Paragraph({
          indent: { firstLine: 640 },
          alignment: AlignmentType.JUSTIFIED,
          spacing: { line: linePitchTwip(GONGWEN_A4), lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: line })],
        }),
    )
}
