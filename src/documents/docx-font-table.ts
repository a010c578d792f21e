// Word's font table (word/fontTable.xml) for the 公文 fonts. A Word file only names its fonts; the table tells
// Word what to substitute when a name is missing on the reader's machine: the next name of the stack
// (`w:altName`), a Chinese character set (GB2312) and the generic family (serif or sans).
import { BODY_FONT, HEADING_FONT, LATIN_FONT, TABLE_FONT, TITLE_FONT, type FontStack } from './fonts.ts'

/** A file of the package to write in place of the one the docx library generates. */
export interface DocxPackageFile {
  path: string
  data: string
}

const NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function fontEntry(stack: FontStack, family: 'roman' | 'swiss', charset: string): string {
  const [name, alt] = stack.families
  if (name === undefined) return ''
  const altName = alt === undefined ? '' : `<w:altName w:val="${escapeXml(alt)}"/>`
  return (
    `<w:font w:name="${escapeXml(name)}">${altName}<w:charset w:val="${charset}"/>` +
    `<w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`
  )
}

/** The font table naming every 公文 face with its fallback; pass it to `Packer.toBuffer` as an override. */
export function gongwenFontTable(): DocxPackageFile {
  // 86 = GB2312: a reader without the font gets a Simplified Chinese face of the same family.
  const entries = [
    fontEntry(TITLE_FONT, 'roman', '86'),
    fontEntry(HEADING_FONT, 'swiss', '86'),
    fontEntry(BODY_FONT, 'roman', '86'),
    fontEntry(TABLE_FONT, 'roman', '86'),
    fontEntry(LATIN_FONT, 'roman', '00'),
  ]
  return {
    path: 'word/fontTable.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${NS}">${entries.join('')}</w:fonts>`,
  }
}
