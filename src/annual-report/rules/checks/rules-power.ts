// P-RULES-POWER: only bodies with rule-making power (State Council departments; provincial governments;
// governments of districted cities and autonomous prefectures) can issue 规章. Non-zero 规章 issuance reported
// by a body that certainly lacks that power is suspicious.
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import { certainlyLacksRulePower, inferAgencyKind } from './agency-name.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

/** The 表二 cells that count 规章 made this year, per format. */
const ISSUED = {
  gov2021: ['t2.art20_1.rules.issued_this_year'],
  gov2019: ['t2.art20_1.rules.new_made_this_year', 't2.art20_1.rules.new_published_this_year'],
} as const

function check({ report, values, format, options }: CheckContext): Finding[] {
  if (!values || !format || !report.agency) return []
  const kind = options.agencyKind ?? inferAgencyKind(report.agency)
  if (!certainlyLacksRulePower(report.agency, kind)) return []
  return ISSUED[format.key]
    .filter((a) => values.value(a) > 0)
    .map((a) => ({
      rule: 'P-RULES-POWER',
      severity: 'warning' as const,
      message: `${cellName(format, a)}=${values.value(a)}，但${report.agency}没有规章制定权`,
      cells: [a],
    }))
}

export const RULES_POWER_CHECK: PlausibilityCheck = {
  id: 'P-RULES-POWER',
  severity: 'warning',
  description:
    '只有有规章制定权的机关（国务院部门，省、自治区、直辖市和设区的市、自治州人民政府）才可能有规章制发；其他机关填报规章制发件数非零应提示。',
  check,
}
