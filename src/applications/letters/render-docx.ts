// A letter as a Word file on a 公文 page (GB/T 9704) with the shared building blocks of src/documents.
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx'
import {
  bodyParagraphs,
  gongwenFontTable,
  gongwenSection,
  gongwenStyles,
  titleParagraph,
} from '../../documents/index.ts'
import type { LetterDocument } from './letter-document.ts'

function plain(text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text })] })
}

export async function renderLetterDocx(letter: LetterDocument): Promise<Buffer> {
  const [salutation = '', ...rest] = letter.paragraphs
  const children = [
    titleParagraph(letter.title),
    plain(letter.number, AlignmentType.CENTER),
    new Paragraph({}),
    plain(salutation, AlignmentType.LEFT),
    ...bodyParagraphs(rest.join('\n')),
    new Paragraph({}),
    plain(letter.agencyName, AlignmentType.RIGHT),
    plain(letter.dateText, AlignmentType.RIGHT),
  ]
  const doc = new Document({
    title: letter.title,
    creator: letter.agencyName,
    evenAndOddHeaderAndFooters: true,
    styles: gongwenStyles(),
    sections: [gongwenSection(children)],
  })
  return Packer.toBuffer(doc, false, [gongwenFontTable()])
}
