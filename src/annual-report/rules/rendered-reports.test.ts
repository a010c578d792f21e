// End to end through the other faces of the model: a consistent report rendered as HTML or text and parsed back
// must check clean (no error or warning), so the rules do not depend on how a report reached them.
import { describe, expect, it } from 'vitest'
import { parseReportText, renderHtml, renderText } from '../index.ts'
import { checkReport } from './check-report.ts'
import { buildConsistentReport } from './test-reports.ts'

describe('rendered and re-parsed consistent reports', () => {
  for (const format of ['gov2019', 'gov2021'] as const) {
    it(`check clean as HTML and as text (${format}, 15 seeds)`, () => {
      for (let seed = 100; seed < 115; seed++) {
        const report = buildConsistentReport(format, seed)
        const inputs = {
          'report.html': renderHtml(report, { standalone: true }),
          'report.txt': renderText(report),
        }
        for (const [filename, text] of Object.entries(inputs)) {
          const parsed = parseReportText(text, { filename })
          expect(parsed.format, `${filename} seed ${seed}`).toBe(format)
          const findings = checkReport(parsed).filter((f) => f.severity !== 'info')
          expect(findings, `${filename} seed ${seed}`).toEqual([])
        }
      }
    })
  }
})
