// P-ZERO-BLANK: blank cells count as 0 but are recorded (info); a blank 总计 whose components are not 0 is a
// missing value (warning). The arithmetic rules read such a 总计 as its components' sum, so the defect is
// reported once, here, and not as an arithmetic error.
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

function check({ report, values, format }: CheckContext): Finding[] {
  if (!values || !format) return []
  const findings: Finding[] = []
  for (const total of values.totalAddresses) {
    if (!values.isBlank(total)) continue
    const parts = values.components(total) ?? []
    const sum = parts.reduce((s, p) => s + values.value(p), 0)
    if (sum === 0) continue
    findings.push({
      rule: 'P-ZERO-BLANK',
      severity: 'warning',
      message: `${cellName(format, total)}空白，但分项之和为${sum}：总计缺项`,
      cells: [total, ...parts.filter((p) => values.value(p) !== 0)],
    })
  }
  if (report.blank.length > 0) {
    findings.push({
      rule: 'P-ZERO-BLANK',
      severity: 'info',
      message: `${report.blank.length}个空白单元格按0计算（首个：${cellName(format, report.blank[0] ?? '')}）`,
      cells: [...report.blank],
    })
  }
  return findings
}

export const ZERO_BLANK_CHECK: PlausibilityCheck = {
  id: 'P-ZERO-BLANK',
  severity: 'info',
  description: '空白单元格按0处理但需记录；总计列空白而分项非零视为缺项。',
  check,
}
