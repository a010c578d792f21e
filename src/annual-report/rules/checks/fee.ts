// P-FEE: 表三 （六）2 (逾期未按收费通知缴费) against section 六's report of fee notices, and no fees before the
// 信息处理费 rules applied (国办函〔2020〕109号; first year is an option because its effective date is [unverified]).
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

const FEE_UNPAID = 't3.other_fee_unpaid.total'
const MENTIONS_FEE = /收费|信息处理费/
const SAYS_NONE = /(?:未|没有|无)[^。；;，,]{0,8}(?:收取|发出|发放|出具|收费|信息处理费)/

function check({ report, values, format, options }: CheckContext): Finding[] {
  if (!values || !format || !values.present(FEE_UNPAID)) return []
  const unpaid = values.value(FEE_UNPAID)
  if (unpaid === 0) return []
  const name = `${cellName(format, FEE_UNPAID)}=${unpaid}`
  const findings: Finding[] = []
  if (report.year !== null && report.year < options.feeRulesFromYear) {
    findings.push({
      rule: 'P-FEE',
      severity: 'warning',
      message: `${name}，但信息处理费办法自${options.feeRulesFromYear}年起施行，${report.year}年度不应有收费`,
      cells: [FEE_UNPAID],
    })
  }
  const s6 = report.sections.s6_other
  if (s6 !== undefined) {
    const feeSentences = s6.split(/[。；;\n]/).filter((s) => MENTIONS_FEE.test(s))
    if (feeSentences.length === 0) {
      findings.push({
        rule: 'P-FEE',
        severity: 'warning',
        message: `${name}，但第六部分未报告收费通知情况`,
        cells: [FEE_UNPAID],
      })
    } else if (feeSentences.some((s) => SAYS_NONE.test(s))) {
      findings.push({
        rule: 'P-FEE',
        severity: 'warning',
        message: `${name}，但第六部分称未发出收费通知或未收费`,
        cells: [FEE_UNPAID],
      })
    }
  }
  return findings
}

export const FEE_CHECK: PlausibilityCheck = {
  id: 'P-FEE',
  severity: 'warning',
  description:
    '表三（六）2逾期未缴费行非零时，第六部分应报告收费通知情况；若第六部分称未发出收费通知，则该行应为0。信息处理费办法施行前不应出现收费。',
  check,
}
