// P-CARRY-RATIO: carry-forward normally comes from applications received in the last month or two of the year,
// so a high 结转下年度 / 本年新收 ratio is worth a look. Threshold and minimum count are options (heuristic).
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

const NEW = 't3.new_received.total'
const CARRIED = 't3.carried_forward.total'

function check({ values, format, options }: CheckContext): Finding[] {
  if (!values || !format) return []
  const received = values.value(NEW)
  const carried = values.value(CARRIED)
  if (received < options.carryRatioMinReceived || carried / received <= options.carryRatioMax) return []
  const pct = ((100 * carried) / received).toFixed(1)
  return [
    {
      rule: 'P-CARRY-RATIO',
      severity: 'info',
      message: `${cellName(format, CARRIED)}=${carried}，占${cellName(format, NEW)}=${received}的${pct}%，比例偏高`,
      cells: [CARRIED, NEW],
    },
  ]
}

export const CARRY_RATIO_CHECK: PlausibilityCheck = {
  id: 'P-CARRY-RATIO',
  severity: 'info',
  description: '结转下年度件数通常只来自年末约一至两个月内收到的申请；结转占新收比例异常高应提示。',
  check,
}
