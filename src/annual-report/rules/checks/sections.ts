// P-SECTIONS: all six sections (条例第五十条) present, in the order 一 to 六. The order is the order in which the
// parser met them (`sections` keeps insertion order).
import { FORMATS, SECTION_KEYS } from '../../formats/index.ts'
import type { SectionKey } from '../../formats/index.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

function check({ report, format }: CheckContext): Finding[] {
  const present = Object.keys(report.sections).filter((k): k is SectionKey =>
    (SECTION_KEYS as readonly string[]).includes(k),
  )
  const heading = (key: SectionKey) => {
    // Both formats share the six headings; the 2021 ones name the sections when the format is unknown.
    const def = (format ?? FORMATS.gov2021).sections.find((s) => s.key === key)
    return def ? `${def.number}、${def.label}` : key
  }
  const findings: Finding[] = []
  const missing = SECTION_KEYS.filter((k) => !present.includes(k))
  if (missing.length > 0) {
    findings.push({
      rule: 'P-SECTIONS',
      severity: 'warning',
      message: `缺少部分：${missing.map(heading).join('；')}`,
      cells: [],
    })
  }
  const expectedOrder = SECTION_KEYS.filter((k) => present.includes(k))
  if (present.some((k, i) => k !== expectedOrder[i])) {
    findings.push({
      rule: 'P-SECTIONS',
      severity: 'warning',
      message: `各部分顺序应为一至六，实际为：${present.map((k) => heading(k).split('、')[0]).join('、')}`,
      cells: [],
    })
  }
  return findings
}

export const SECTIONS_CHECK: PlausibilityCheck = {
  id: 'P-SECTIONS',
  severity: 'warning',
  description: '六个部分齐全且顺序为一至六。',
  check,
}
