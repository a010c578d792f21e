// Bounded fuzz of the HTML and PDF extractors: damaged input never throws past the API and never hangs (the
// test timeout bounds it); it gives empty or partial blocks. Fixed seeds keep the suite deterministic.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractHtmlBlocks } from './html.ts'
import { extractPdfBlocks } from './pdf.ts'
import type { SourceBlock } from './source.ts'

const html002 = readFileSync(new URL('../fixtures/002.html', import.meta.url), 'utf8')
const pdfHzq = readFileSync(new URL('../fixtures/hzq2024.pdf', import.meta.url))

function expectWellFormed(blocks: SourceBlock[]): void {
  for (const block of blocks) {
    if (block.kind === 'text') {
      expect(block.text).not.toBe('')
      continue
    }
    const width = block.rows[0]?.length ?? 0
    for (const row of block.rows) {
      expect(row).toHaveLength(width)
      for (const cell of row) expect(typeof cell).toBe('string')
    }
  }
}

const markupNoise = fc.constantFrom(
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td rowspan="99999">',
  '<td colspan="-3">',
  '<th colspan="1e9">',
  '</td>',
  '<p>',
  '<br>',
  '&nbsp;',
  '&#0;',
  '<!--',
  '<script>',
  '<nav>',
  '<',
  '"',
)

const damagedHtml = fc
  .tuple(fc.nat(), fc.nat(), fc.array(markupNoise, { maxLength: 12 }), fc.integer({ min: 0, max: 3 }))
  .map(([a, b, noise, kind]) => {
    const i = a % (html002.length + 1)
    const j = Math.min(html002.length, i + (b % 2000))
    if (kind === 0) return html002.slice(0, i)
    if (kind === 1) return html002.slice(0, i) + html002.slice(j)
    if (kind === 2) return html002.slice(0, j) + html002.slice(i, j) + html002.slice(j)
    return html002.slice(0, i) + noise.join('') + html002.slice(i)
  })

describe('extractHtmlBlocks under random damage', () => {
  it('never throws on cut, spliced, duplicated or tag-injected pages and keeps every grid rectangular', () => {
    fc.assert(
      fc.property(damagedHtml, (html) => {
        expectWellFormed(extractHtmlBlocks(html))
      }),
      { numRuns: 80, seed: 20261127 },
    )
  }, 60_000)

  it('survives nesting deeper than any page and a table with absurd spans', () => {
    expect(Array.isArray(extractHtmlBlocks('<div>'.repeat(20000) + '一、总体情况'))).toBe(true)
    const [table] = extractHtmlBlocks(
      '<table><tr><td rowspan="100000" colspan="100000">x</td><td>1</td></tr></table>',
    )
    expect(table?.kind === 'table' ? table.rows[0]?.at(-1) : null).toBe('1')
  })
})

/** One damage to the PDF bytes: cut them, or overwrite a run of bytes with garbage. */
const damagedPdf = fc
  .tuple(fc.nat(), fc.nat({ max: 64 }), fc.integer({ min: 0, max: 255 }), fc.boolean())
  .map(([a, length, byte, cut]) => {
    const at = a % pdfHzq.length
    if (cut) return pdfHzq.subarray(0, at)
    const copy = Buffer.from(pdfHzq)
    copy.fill(byte, at, Math.min(copy.length, at + length + 1))
    return copy
  })

describe('extractPdfBlocks under random damage', () => {
  it('never rejects on cut or overwritten PDF bytes and returns what it could read', async () => {
    await fc.assert(
      fc.asyncProperty(damagedPdf, async (bytes) => {
        expectWellFormed(await extractPdfBlocks(bytes))
      }),
      { numRuns: 12, seed: 20261127 },
    )
  }, 120_000)
})
