// The report as a Word document: 公文 page and typography (GB/T 9704), tables as real Word tables with merged
// cells and header rows repeated across pages.
import { Document, Packer, Paragraph, type FileChild } from 'docx'
import {
  TYPE_SIZE_PT,
  bodyParagraphs,
  docxTable,
  docxTextWidthTwip,
  gongwenFontTable,
  gongwenSection,
  gongwenStyles,
  headingParagraph,
  titleParagraph,
} from '../../documents/index.ts'
import type { AnnualReport } from '../model.ts'
import { reportLayout } from './report-layout.ts'

/** Renders the report as a .docx file. */
export async function renderDocx(report: AnnualReport): Promise<Buffer> {
  const layout = reportLayout(report)
  const children: FileChild[] = [titleParagraph(layout.title)]
  if (layout.metadata.length > 0) {
    children.push(...bodyParagraphs(layout.metadata.map((m) => `${m.label}: ${m.value}`).join('\n')))
  }
  for (const section of layout.sections) {
    children.push(headingParagraph(section.heading), ...bodyParagraphs(section.paragraphs.join('\n')))
    if (section.table) {
      children.push(
        docxTable(section.table, { widthTwip: docxTextWidthTwip(), fontSizePt: TYPE_SIZE_PT.五号 }),
      )
      // An empty paragraph after each table keeps the next heading from touching its bottom border.
      children.push(new Paragraph({}))
    }
  }
  const doc = new Document({
    title: layout.title,
    creator: report.agency ?? 'Gongkai',
    evenAndOddHeaderAndFooters: true,
    styles: gongwenStyles(),
    sections: [gongwenSection(children)],
  })
  return Packer.toBuffer(doc, false, [gongwenFontTable()])
}
