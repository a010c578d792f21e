// A letter as a PDF on a 公文 page with the embedded CJK font of src/documents.
import {
  GONGWEN_A4,
  PDF_FONT,
  TYPE_SIZE_PT,
  bodyLinePitchPt,
  createGongwenPdf,
} from '../../documents/index.ts'
import type { LetterDocument } from './letter-document.ts'

const BODY_SIZE = TYPE_SIZE_PT.三号
const LINE_GAP = Math.max(0, bodyLinePitchPt(GONGWEN_A4) - BODY_SIZE * 1.32)

export async function renderLetterPdf(letter: LetterDocument): Promise<Buffer> {
  const pdf = createGongwenPdf({ title: letter.title, author: letter.agencyName })
  const { doc, area } = pdf
  const write = (
    text: string,
    options: { align?: 'left' | 'center' | 'right' | 'justify'; indent?: boolean } = {},
  ) => {
    doc.font(PDF_FONT.regular).fontSize(BODY_SIZE)
    doc.text(text, area.left, doc.y, {
      width: area.width,
      align: options.align ?? 'justify',
      indent: options.indent === true ? BODY_SIZE * 2 : 0,
      lineGap: LINE_GAP,
    })
  }
  doc.font(PDF_FONT.bold).fontSize(TYPE_SIZE_PT.二号)
  doc.text(letter.title, area.left, doc.y, { width: area.width, align: 'center', lineGap: 6 })
  doc.moveDown(0.5)
  write(letter.number, { align: 'center' })
  doc.moveDown(0.5)
  const [salutation = '', ...rest] = letter.paragraphs
  write(salutation, { align: 'left' })
  for (const p of rest) write(p, { indent: true })
  doc.moveDown(1)
  write(letter.agencyName, { align: 'right' })
  write(letter.dateText, { align: 'right' })
  return pdf.finish()
}
