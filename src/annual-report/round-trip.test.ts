// Property: for random consistent reports in both formats, render → parse gives back the same report (format,
// year, agency, every cell, which cells are blank, section texts), for each renderer the parsers read.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FormatKey } from './formats/index.ts'
import type { AnnualReport } from './model.ts'
import { parseReport } from './parse/index.ts'
import { renderDocx, renderHtml, renderPdf, renderText } from './render/index.ts'
import { buildConsistentReport } from './rules/test-reports.ts'

const AGENCIES = ['示例县财政局', '秦州区天水郡街道', '沭阳县发展和改革局', '某市人民政府办公室']

/** A consistent report with a random agency and some zero cells printed blank instead (blank reads as 0). */
function randomReport(
  format: FormatKey,
  seed: number,
  agencyIndex: number,
  blankEvery: number,
): AnnualReport {
  const base = buildConsistentReport(format, seed)
  const agency = AGENCIES[agencyIndex] ?? '示例县财政局'
  const title = `${agency}${base.year}年政府信息公开工作年度报告`
  const cells = { ...base.cells }
  const blank: string[] = []
  Object.keys(cells)
    .filter((address) => cells[address] === 0)
    .forEach((address, i) => {
      if (blankEvery > 0 && (i + seed) % blankEvery === 0) {
        delete cells[address]
        blank.push(address)
      }
    })
  return { ...base, agency, title, cells, blank }
}

/** What a round trip must keep of the tables and the report's identity. */
function tablesAndIdentity(report: AnnualReport) {
  return {
    format: report.format,
    year: report.year,
    agency: report.agency,
    cells: report.cells,
    blank: [...report.blank].sort(),
  }
}

/** What a round trip must keep of the prose: every non-empty section text. */
function sectionTexts(report: AnnualReport): Record<string, string> {
  const sections: Record<string, string> = {}
  for (const [key, text] of Object.entries(report.sections)) {
    if (text !== undefined && text.trim() !== '') sections[key] = text.trim()
  }
  return sections
}

const reports = fc.record({
  format: fc.constantFrom<FormatKey>('gov2019', 'gov2021'),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  agencyIndex: fc.integer({ min: 0, max: AGENCIES.length - 1 }),
  // 0 = no blank cells; otherwise roughly one zero cell in n is left blank.
  blankEvery: fc.constantFrom(0, 3, 7),
})

interface RoundTrip {
  name: string
  render: (r: AnnualReport) => string | Promise<Buffer>
  runs: number
  /** Why section texts cannot round-trip yet; that test is listed as skipped with this reason in its name. */
  sectionsPending?: string
}

const RENDERERS: RoundTrip[] = [
  { name: 'HTML', render: (r) => renderHtml(r), runs: 40 },
  { name: 'standalone HTML', render: (r) => renderHtml(r, { standalone: true }), runs: 10 },
  { name: 'text', render: renderText, runs: 40 },
  { name: 'DOCX', render: renderDocx, runs: 6 },
  {
    name: 'PDF',
    render: renderPdf,
    runs: 6,
  },
]

/** Renders random reports, parses them back and compares what `pick` selects. */
async function assertRoundTrip(trip: RoundTrip, pick: (r: AnnualReport) => unknown): Promise<void> {
  await fc.assert(
    fc.asyncProperty(reports, async ({ format, seed, agencyIndex, blankEvery }) => {
      const report = randomReport(format, seed, agencyIndex, blankEvery)
      const parsed = await parseReport(await trip.render(report))
      expect(pick(parsed)).toEqual(pick(report))
    }),
    { numRuns: trip.runs, seed: 20261127 },
  )
}

describe('render → parse round trip', () => {
  for (const trip of RENDERERS) {
    it(`${trip.name}: parsing the rendered report gives back its format, year, agency, cells and blanks`, async () => {
      await assertRoundTrip(trip, tablesAndIdentity)
    }, 120_000)
    const sectionsTitle = `${trip.name}: parsing the rendered report gives back its section texts`
    if (trip.sectionsPending === undefined) {
      it(
        sectionsTitle,
        async () => {
          await assertRoundTrip(trip, sectionTexts)
        },
        120_000,
      )
    } else {
      it.skip(`${sectionsTitle} [skipped: ${trip.sectionsPending}]`, async () => {
        await assertRoundTrip(trip, sectionTexts)
      })
    }
  }
})
