// The 考核 overview as CSV (UTF-8 with BOM, so Excel reads the Chinese) and as XLSX: a minimal, valid
// SpreadsheetML package (one sheet, inline strings, numbers as numbers, shares with a percent format) zipped
// with fflate. Pure.
import { strToU8, zipSync } from 'fflate'
import { KAOHE_COLUMNS } from './kaohe.ts'
import type { KaoheRow } from './kaohe.ts'

function csvField(text: string): string {
  // A leading =, +, - or @ would be a formula to a spreadsheet: prefix it (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function kaoheCsv(title: string, rows: readonly KaoheRow[]): string {
  const lines = [
    [csvField(title)],
    KAOHE_COLUMNS.map((c) => csvField(c.label)),
    ...rows.map((r) => KAOHE_COLUMNS.map((c) => csvField(c.text(r)))),
  ]
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`
}

/** Text for an XML text node or attribute; characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

function columnName(index: number): string {
  let n = index + 1
  let name = ''
  while (n > 0) {
    const r = (n - 1) % 26
    name = String.fromCharCode(65 + r) + name
    n = Math.floor((n - 1) / 26)
  }
  return name
}

function stringCell(ref: string, text: string, style = 0): string {
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`
}

const STYLE_HEADER = 1
const STYLE_PERCENT = 2

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
// Cell formats: 0 default, 1 bold header, 2 built-in number format 10 (0.00%).
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

/** Sheet names: at most 31 characters, none of []:*?/\ . */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1'
}

export function kaoheXlsx(title: string, sheet: string, rows: readonly KaoheRow[]): Uint8Array {
  const out: string[] = []
  out.push(`<row r="1">${stringCell('A1', title, STYLE_HEADER)}</row>`)
  out.push(
    `<row r="2">${KAOHE_COLUMNS.map((c, i) => stringCell(`${columnName(i)}2`, c.label, STYLE_HEADER)).join('')}</row>`,
  )
  rows.forEach((row, r) => {
    const n = r + 3
    const cells = KAOHE_COLUMNS.map((c, i) => {
      const ref = `${columnName(i)}${n}`
      const v = c.value(row)
      if (c.kind === 'text' || v === null || typeof v === 'string') return stringCell(ref, c.text(row))
      return `<c r="${ref}"${c.kind === 'percent' ? ` s="${STYLE_PERCENT}"` : ''}><v>${v}</v></c>`
    })
    out.push(`<row r="${n}">${cells.join('')}</row>`)
  })
  const lastRef = `${columnName(KAOHE_COLUMNS.length - 1)}${rows.length + 2}`
  const worksheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:${lastRef}"/><cols><col min="1" max="1" width="28" customWidth="1"/><col min="2" max="${KAOHE_COLUMNS.length}" width="16" customWidth="1"/></cols><sheetData>${out.join('')}</sheetData></worksheet>`
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xmlEscape(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  // Flat entry names: no directory entries in the package, as Excel writes it.
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(workbook),
    'xl/styles.xml': strToU8(STYLES),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(worksheet),
  })
}
