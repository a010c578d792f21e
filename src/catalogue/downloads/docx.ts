// 【下载Word】: the item as a Word document on the 公文 page (GB/T 9704): title, metadata table, body with
// headings, paragraphs, lists and tables, and the source line.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  LineRuleType,
  Packer,
  Paragraph,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from 'docx'
import {
  GONGWEN_A4,
  TYPE_SIZE_PT,
  bodyLinePitchPt,
  docxTable,
  docxTextWidthTwip,
  gongwenFontTable,
  gongwenSection,
  gongwenStyles,
  headingParagraph,
  ptToHalfPoints,
  titleParagraph,
} from '../../documents/index.ts'
import { bodyBlocks, type BodyBlock, type TextRun as BodyRun } from './body-blocks.ts'
import type { ItemDocument } from './item-document.ts'
import { metadataGrid } from './metadata-grid.ts'
import { sourceLine } from './source-line.ts'

// Two characters of 三号 type, in twips: the first-line indent of 公文 paragraphs.
const TWO_CHARS_TWIP = 640
const LINE_TWIP = Math.round(bodyLinePitchPt(GONGWEN_A4) * 20)

function textRun(run: BodyRun, bold = false): ParagraphChild {
  const text = new TextRun({
    text: run.text,
    ...(run.bold === true || bold ? { bold: true } : {}),
    ...(run.italic === true ? { italics: true } : {}),
    ...(run.underline === true || run.href !== undefined ? { underline: {} } : {}),
  })
  return run.href === undefined ? text : new ExternalHyperlink({ link: run.href, children: [text] })
}

function paragraph(block: Extract<BodyBlock, { kind: 'paragraph' }>): Paragraph {
  const list = block.list
  const children = block.runs.map((r) => textRun(r))
  if (list) children.unshift(new TextRun(`${list.marker} `))
  return new Paragraph({
    indent: list ? { left: TWO_CHARS_TWIP * (list.depth + 1) } : { firstLine: TWO_CHARS_TWIP },
    alignment: AlignmentType.JUSTIFIED,
    spacing: { line: LINE_TWIP, lineRule: LineRuleType.EXACT },
    children,
  })
}

function blockChildren(block: BodyBlock): FileChild[] {
  if (block.kind === 'paragraph') return [paragraph(block)]
  if (block.kind === 'heading') {
    if (block.level <= 2) return [headingParagraph(block.text)]
    return [
      new Paragraph({
        indent: { firstLine: TWO_CHARS_TWIP },
        keepNext: true,
        spacing: { line: LINE_TWIP, lineRule: LineRuleType.EXACT },
        children: [textRun({ text: block.text }, true)],
      }),
    ]
  }
  const out: FileChild[] = []
  if (block.grid.caption !== '') {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        children: [new TextRun(block.grid.caption)],
      }),
    )
  }
  out.push(docxTable(block.grid, { widthTwip: docxTextWidthTwip(), fontSizePt: TYPE_SIZE_PT.五号 }))
  // An empty paragraph keeps the next paragraph off the table's bottom rule.
  out.push(new Paragraph({}))
  return out
}

/** Renders a published item as a .docx file. */
export async function renderItemDocx(item: ItemDocument): Promise<Buffer> {
  const children: FileChild[] = [titleParagraph(item.title)]
  const metadata = metadataGrid(item.metadata)
  if (metadata) {
    children.push(docxTable(metadata, { widthTwip: docxTextWidthTwip(), fontSizePt: TYPE_SIZE_PT.五号 }))
    children.push(new Paragraph({}))
  }
  for (const block of bodyBlocks(item.bodyHtml)) children.push(...blockChildren(block))
  children.push(
    new Paragraph({
      spacing: { before: LINE_TWIP },
      children: [new TextRun({ text: sourceLine(item), size: ptToHalfPoints(TYPE_SIZE_PT.五号) })],
    }),
  )
  const doc = new Document({
    title: item.title,
    creator: item.agencyName,
    evenAndOddHeaderAndFooters: true,
    styles: gongwenStyles(),
    sections: [gongwenSection(children)],
  })
  return Packer.toBuffer(doc, false, [gongwenFontTable()])
}
