import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseReportText } from './index.ts'
import type { ParsedReport } from './parsed-report.ts'

const SAMPLES = ['seed-tianshuijun-2021.txt', '003.txt', '013.txt', '015.txt', '002.html'].map((name) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'),
)
// A fixed seed and number of runs: the suite stays deterministic and bounded (no timing assertion).
const RUNS = { numRuns: 60, seed: 20261127 }

const sample = fc.constantFrom(...SAMPLES)
const noise = fc.constantFrom(
  '|',
  '（',
  ')',
  '、',
  '一、',
  '1.',
  '0',
  '-',
  '—',
  '\n',
  '\n\n',
  ' ',
  '<td>',
  '#',
  '万元',
  '＋',
)

/** One random edit of a text: cut it, drop or duplicate a slice, splice in noise, or shuffle its lines. */
const mutated = fc
  .tuple(sample, fc.nat(), fc.nat(), fc.array(noise, { maxLength: 8 }), fc.integer({ min: 0, max: 4 }))
  .map(([text, a, b, inserted, kind]) => {
    const i = a % (text.length + 1)
    const j = Math.min(text.length, i + (b % 400))
    if (kind === 0) return text.slice(0, i)
    if (kind === 1) return text.slice(0, i) + text.slice(j)
    if (kind === 2) return text.slice(0, j) + text.slice(i, j) + text.slice(j)
    if (kind === 3) return text.slice(0, i) + inserted.join('') + text.slice(i)
    const lines = text.split('\n')
    const k = a % Math.max(1, lines.length)
    return [...lines.slice(k), ...lines.slice(0, k)].join('\n')
  })

function expectReportShape(report: ParsedReport): void {
  expect(typeof report.recognised).toBe('boolean')
  expect(Array.isArray(report.missing)).toBe(true)
  for (const value of Object.values(report.cells)) expect(Number.isFinite(value)).toBe(true)
}

describe('parsers under random damage (bounded fuzz)', () => {
  it('never throw on mutated, truncated or shuffled samples and always return a ParsedReport', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        expectReportShape(parseReportText(text))
      }),
      RUNS,
    )
  })

  it('never invent a value on truncation: a cut text agrees with the whole one but for the cell it was cut in', () => {
    const whole = parseReportText(SAMPLES[0] ?? '')
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const text = SAMPLES[0] ?? ''
        const cut = parseReportText(text.slice(0, n % text.length))
        const differing = Object.entries(cut.cells).filter(
          ([address, value]) => whole.cells[address] !== value,
        )
        expect(differing.length).toBeLessThanOrEqual(1)
      }),
      RUNS,
    )
  })

  it('stay linear on pathological lines (long runs of spaces, pipes, digits, brackets)', () => {
    for (const text of [
      ' '.repeat(50_000) + 'x',
      '|'.repeat(20_000),
      '1 '.repeat(20_000),
      '（'.repeat(20_000),
      '\n|\n'.repeat(10_000),
      '一、'.repeat(10_000),
      `${'#'.repeat(10_000)} a`,
      `<td>${' '.repeat(30_000)}`,
    ]) {
      expectReportShape(parseReportText(text))
    }
  })
})
