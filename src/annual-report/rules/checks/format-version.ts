// P-FORMAT-VERSION: report years 2019–2020 use the 2019 试行 format, 2021 onward the 2021 format
// (国办公开办函〔2019〕60号, 〔2021〕30号); flag tables printed on the other version's labels.
import { FORMATS, expectedFormatForYear } from '../../formats/index.ts'
import type { FormatKey } from '../../formats/index.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

function formatName(key: FormatKey): string {
  const f = FORMATS[key]
  return `${f.title}（${f.documentNumber}）`
}

function check({ report }: CheckContext): Finding[] {
  if (report.year === null || report.format === null) return []
  const expected = expectedFormatForYear(report.year)
  if (report.format !== expected) {
    return [
      {
        rule: 'P-FORMAT-VERSION',
        severity: 'warning',
        message: `${report.year}年度报告应使用${formatName(expected)}，表格使用的是${formatName(report.format)}的行列名称`,
        cells: [],
      },
    ]
  }
  const other: FormatKey = expected === 'gov2019' ? 'gov2021' : 'gov2019'
  const signals = report.formatSignals?.[other] ?? 0
  if (signals > 0) {
    return [
      {
        rule: 'P-FORMAT-VERSION',
        severity: 'warning',
        message: `表格总体符合${formatName(expected)}，但有${signals}处行列名称属于${formatName(other)}`,
        cells: [],
      },
    ]
  }
  return []
}

export const FORMAT_VERSION_CHECK: PlausibilityCheck = {
  id: 'P-FORMAT-VERSION',
  severity: 'warning',
  description:
    '2019、2020年度报告应使用2019试行格式；2021年度起应使用2021格式；出现另一版本的列名或行名即提示。',
  check,
}
