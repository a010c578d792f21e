// Round trip of a computed report: a year of an agency's data → computeAnnualReport → HTML, PDF and Word →
// `gongkai report check --json` (the module's parsers reading its own output) gives back exactly the computed
// cells, with no error finding.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildActor, buildAgency, buildApplication } from '../../../../test/factories.ts'
import { runGongkai } from '../../../../test/run-cli.ts'
import { recordAppeal } from '../../../appeals/index.ts'
import { OUTCOME_MAPPINGS } from '../../../applications/index.ts'
import type { AnswerType } from '../../../applications/index.ts'
import { renderDocx, renderHtml, renderPdf } from '../../index.ts'
import { computeAnnualReport, saveManualFigures } from '../index.ts'

const ANSWERS = Object.keys(OUTCOME_MAPPINGS).filter((o) => !o.startsWith('abandoned_')) as AnswerType[]
const SUBTYPES = [null, 'commercial', 'research', 'public_interest', 'legal_services', 'other'] as const

interface CheckJson {
  format: string
  year: number
  agency: string
  cells: Record<string, number>
  blank: string[]
  findings: { rule: string; severity: string }[]
}

describeDb('computed report round trip', () => {
  const t = useTestDb()

  it(
    'HTML, PDF and Word of a computed report read back to exactly the computed cells',
    { timeout: 120_000 },
    async () => {
      const agency = await buildAgency(t.db, { name: '示例区自然资源局' })
      const admin = await buildActor(t.db, agency, 'agency_admin')
      for (let i = 0; i < 60; i++) {
        const received = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`
        const answered =
          i % 12 === 11 && i % 2 === 0 ? null : `2025-${String((i % 12) + 1).padStart(2, '0')}-28`
        const events = [
          { type: 'received', on: i % 10 === 0 ? '2024-12-20' : received, channel: 'in_person' },
          ...(answered ? [{ type: 'answered', on: answered, answerType: ANSWERS[i % ANSWERS.length] }] : []),
        ] as const
        const { id } = await buildApplication(t.db, agency, events as never)
        const subtype = SUBTYPES[i % SUBTYPES.length] ?? null
        await t.db
          .updateTable('application_applicants')
          .set({ applicant_type: subtype === null ? 'natural_person' : 'organisation', org_subtype: subtype })
          .where('application_id', '=', id)
          .execute()
      }
      await recordAppeal(t.db, admin, {
        agencyId: agency.id,
        kind: 'review',
        caseNumber: 'F1',
        filedOn: '2025-04-01',
        outcome: 'corrected',
        concludedOn: '2025-06-01',
      })
      await recordAppeal(t.db, admin, {
        agencyId: agency.id,
        kind: 'litigation_direct',
        caseNumber: 'F2',
        filedOn: '2025-09-01',
        outcome: 'pending',
      })
      await saveManualFigures(t.db, admin, {
        agencyId: agency.id,
        year: 2025,
        figures: [
          { cell: '行政许可', value: '318', source: '政务服务网' },
          { cell: '行政处罚', value: '42', source: '执法平台' },
          { cell: '行政强制', value: '3', source: '执法平台' },
          { cell: '行政事业性收费', value: '12.35', source: '非税收入系统' },
        ],
      })
      const { report } = await computeAnnualReport(t.db, { agencyId: agency.id, year: 2025 })
      expect(report.cells['t3.new_received.total']).toBeGreaterThan(40)
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-computed-'))
      const files = {
        html: join(dir, 'report.html'),
        pdf: join(dir, 'report.pdf'),
        docx: join(dir, 'report.docx'),
      }
      writeFileSync(files.html, renderHtml(report, { standalone: true }))
      writeFileSync(files.pdf, await renderPdf(report))
      writeFileSync(files.docx, await renderDocx(report))
      const run = await runGongkai(
        'report',
        'check',
        '--json',
        '--mode',
        'generate',
        files.html,
        files.pdf,
        files.docx,
      )
      expect(run.stderr).toBe('')
      const results = JSON.parse(run.stdout) as CheckJson[]
      expect(results).toHaveLength(3)
      for (const parsed of results) {
        expect([parsed.format, parsed.year, parsed.agency]).toEqual(['gov2021', 2025, '示例区自然资源局'])
        expect(parsed.cells).toEqual(report.cells)
        expect(parsed.blank).toEqual([])
        expect(parsed.findings.filter((f) => f.severity === 'error')).toEqual([])
      }
      expect(run.code).toBe(0)
    },
  )
})
