import { readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { renderPdf } from '../../render/index.ts'
import { buildConsistentReport } from '../../rules/test-reports.ts'
import type { PdfPage } from '../pdf-geometry.ts'
import { readPagesWithPdfJs } from '../pdf.ts'
import { readTextLayer, UnsupportedPdf } from './index.ts'
import { Lexer, PdfName, PdfRef } from './lexer.ts'

// pdfjs takes a good part of a second per report when the machine is busy.
const PDFJS_TIMEOUT = 60_000

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url))
}

/** Where two readings differ: page sizes, item count, text or a number off by 1/100 pt or more. */
function differences(actual: PdfPage[], expected: PdfPage[]): string[] {
  const out: string[] = []
  if (actual.length !== expected.length) out.push(`${actual.length} pages, expected ${expected.length}`)
  expected.forEach((page, p) => {
    const other = actual[p]
    if (other?.width !== page.width || other.height !== page.height) out.push(`page ${p} size`)
    const a = (other?.items ?? []).filter((i) => i.str.trim() !== '')
    const e = page.items.filter((i) => i.str.trim() !== '')
    if (a.length !== e.length) out.push(`page ${p}: ${a.length} items, expected ${e.length}`)
    e.forEach((item, i) => {
      const got = a[i]
      const close = (k: 'x' | 'y' | 'width' | 'height') =>
        got !== undefined && Math.abs(got[k] - item[k]) < 0.01
      const same = got?.str === item.str && got.vertical === item.vertical
      if (!same || !close('x') || !close('y') || !close('width') || !close('height')) {
        out.push(`page ${p} item ${i}: ${JSON.stringify(got)} expected ${JSON.stringify(item)}`)
      }
    })
  })
  return out
}

/** A one-page PDF around the given content stream and font resources (offsets are not needed by the reader). */
function minimalPdf(content: string, fonts: string, extraObjects = ''): Buffer {
  const stream = deflateSync(Buffer.from(content, 'latin1'))
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n' +
        '2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n' +
        `3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Resources<</Font<<${fonts}>>>>/Contents 4 0 R>>\nendobj\n` +
        `4 0 obj\n<</Length ${stream.length}/Filter/FlateDecode>>\nstream\n`,
      'latin1',
    ),
    stream,
    Buffer.from(`\nendstream\nendobj\n${extraObjects}trailer\n<</Root 1 0 R>>\n%%EOF\n`, 'latin1'),
  ])
}

const HELVETICA_WIDTHS = `[${Array.from({ length: 95 }, () => 500).join(' ')}]`
const SIMPLE_FONT = `5 0 obj\n<</Type/Font/Subtype/Type1/BaseFont/Helvetica/FirstChar 32/LastChar 126/Widths ${HELVETICA_WIDTHS}>>\nendobj\n`

describe('readTextLayer', () => {
  it.each(['hzq2023.pdf', 'hzq2024.pdf', 'szfgs2024.pdf'])(
    'gives the same items as pdfjs for %s',
    async (name) => {
      const bytes = fixture(name)
      expect(differences(readTextLayer(bytes), await readPagesWithPdfJs(bytes))).toEqual([])
    },
    PDFJS_TIMEOUT,
  )

  it(
    'gives the same items as pdfjs for a report rendered by renderPdf (pdfkit, embedded CJK font)',
    async () => {
      const bytes = await renderPdf(buildConsistentReport('gov2021', 3))
      const pages = readTextLayer(bytes)
      expect(pages.flatMap((p) => p.items).length).toBeGreaterThan(100)
      expect(differences(pages, await readPagesWithPdfJs(bytes))).toEqual([])
    },
    PDFJS_TIMEOUT,
  )

  it('reads a simple font, spaces from gaps and TJ kerning, and a text matrix', () => {
    const content = 'BT /F1 10 Tf 1 0 0 1 20 50 Tm (Hello) Tj [(W) -2000 (orld)] TJ ET'
    const [page] = readTextLayer(minimalPdf(content, '/F1 5 0 R', SIMPLE_FONT))
    expect(page?.width).toBe(200)
    expect(page?.items.map((i) => [i.str, i.x, i.y, i.width, i.height])).toEqual([
      ['HelloW', 20, 50, 30, 10],
      ['orld', 70, 50, 20, 10],
    ])
  })

  it('leaves what it does not read to pdfjs: other filters, fonts without ToUnicode, encryption', () => {
    const lzw = minimalPdf('BT /F1 10 Tf (a) Tj ET', '/F1 5 0 R', SIMPLE_FONT)
      .toString('latin1')
      .replace('/Filter/FlateDecode', '/Filter/LZWDecode')
    expect(() => readTextLayer(Buffer.from(lzw, 'latin1'))).toThrow(UnsupportedPdf)
    const cid =
      '5 0 obj\n<</Type/Font/Subtype/Type0/Encoding/Identity-H/DescendantFonts[6 0 R]>>\nendobj\n' +
      '6 0 obj\n<</Type/Font/Subtype/CIDFontType2/W[]>>\nendobj\n'
    expect(() => readTextLayer(minimalPdf('BT /F1 10 Tf <0001> Tj ET', '/F1 5 0 R', cid))).toThrow(
      UnsupportedPdf,
    )
    const encrypted = minimalPdf('BT ET', '', '7 0 obj\n<</Filter/Standard>>\nendobj\n')
      .toString('latin1')
      .replace('<</Root 1 0 R>>', '<</Root 1 0 R/Encrypt 7 0 R>>')
    expect(() => readTextLayer(Buffer.from(encrypted, 'latin1'))).toThrow(UnsupportedPdf)
  })
})

describe('Lexer', () => {
  it('reads strings with escapes, hex strings, names with #xx and references', () => {
    const lexer = new Lexer(
      Buffer.from('[(a\\(b\\)\\101\\\n c) <48 65 6c6c6F> /A#20B 12 0 R -.5 % note\n 3]', 'latin1'),
    )
    const value = lexer.value()
    expect(Array.isArray(value)).toBe(true)
    const [s, hex, name, ref, n, m] = value as unknown[]
    expect([s, hex]).toEqual(['a(b)A c', 'Hello'])
    expect(name).toEqual(new PdfName('A B'))
    expect(ref).toEqual(new PdfRef(12, 0))
    expect([n, m]).toEqual([-0.5, 3])
  })

  it('ends on unbalanced input without throwing', () => {
    for (const text of [']]]]>>', '<<<<(((', '(\\', '/#', '<4', '[[[[1 2 R']) {
      const lexer = new Lexer(Buffer.from(text, 'latin1'))
      for (let i = 0; i < 20 && lexer.value() !== undefined; i++);
      expect(lexer.pos).toBeLessThanOrEqual(text.length + 1)
    }
  })
})
