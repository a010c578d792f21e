import { describe, expect, it } from 'vitest'
import type { CellAddress } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { renderDocx } from '../render/docx.ts'
import { buildConsistentReport } from '../rules/test-reports.ts'
import { extractDocxBlocks } from './docx.ts'
import { parseReport } from './index.ts'

/** A consistent 2021-format report with two cells printed blank, as agencies leave 法人 columns empty. */
function reportWithBlanks(): AnnualReport {
  const report = buildConsistentReport('gov2021', 7)
  const blank: CellAddress[] = ['t3.granted.research_institution', 't3.carried_forward.other_org']
  const cells = { ...report.cells }
  for (const address of blank) {
    expect(cells[address]).toBe(0)
    delete cells[address]
  }
  return { ...report, cells, blank }
}

describe('extractDocxBlocks', { timeout: 30_000 }, () => {
  it('reads a Word report rendered by renderDocx with merged cells expanded like HTML', async () => {
    const blocks = await extractDocxBlocks(await renderDocx(reportWithBlanks()))
    const rows = blocks.flatMap((b) => (b.kind === 'table' ? b.rows : []))
    const withheld = rows.filter((row) => row[1] === '（三）不予公开')
    expect(withheld).toHaveLength(8)
    expect(withheld.every((row) => row[0] === '三、本年度办理结果')).toBe(true)
    const granted = rows.find((row) => row[1] === '（一）予以公开')
    expect(granted?.[5]).toBe('')
    const t4Header = rows.find((row) => row[5] === '未经复议直接起诉')
    expect(t4Header?.slice(5, 10)).toEqual(Array.from({ length: 5 }, () => '未经复议直接起诉'))
    const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []))
    expect(texts).toContain('三、收到和处理政府信息公开申请情况')
  })

  it('round-trips every cell, blanks included, through parseReport', async () => {
    const report = reportWithBlanks()
    const parsed = await parseReport(await renderDocx(report))
    expect(parsed.inputKind).toBe('docx')
    expect(parsed.format).toBe('gov2021')
    expect(parsed.cells).toEqual(report.cells)
    expect([...parsed.blank].sort()).toEqual([...report.blank].sort())
  })

  it('returns no blocks for bytes that are not a Word document', async () => {
    expect(await extractDocxBlocks(Buffer.from('PK\u0003\u0004 broken zip'))).toEqual([])
    expect(await extractDocxBlocks(Buffer.alloc(0))).toEqual([])
  })
})
