// P-UNITS: 本年收费金额 is in 万元 (2021 format); a value that looks like 元 is flagged. The 2019 采购总金额 has no
// unit in the form, so the unit must come from the cell.
import { cellName } from '../cell-names.ts'
import type { Finding } from '../finding.ts'
import type { CheckContext, PlausibilityCheck } from './check-types.ts'

const FEE_AMOUNT = 't2.art20_8.administrative_fees.fee_amount'
const PROCUREMENT_AMOUNT = 't2.art20_9.centralized_procurement.procurement_total_amount'

function check({ report, values, format, options }: CheckContext): Finding[] {
  if (!values || !format) return []
  if (format.key === 'gov2021') {
    const fee = values.value(FEE_AMOUNT)
    if (fee <= options.feeAmountMax10k) return []
    return [
      {
        rule: 'P-UNITS',
        severity: 'warning',
        message: `${cellName(format, FEE_AMOUNT)}=${fee}，超过${options.feeAmountMax10k}万元，疑似按“元”填报`,
        cells: [FEE_AMOUNT],
      },
    ]
  }
  const amount = values.value(PROCUREMENT_AMOUNT)
  if (amount === 0 || report.units?.[PROCUREMENT_AMOUNT]) return []
  return [
    {
      rule: 'P-UNITS',
      severity: 'warning',
      message: `${cellName(format, PROCUREMENT_AMOUNT)}=${amount}，未注明单位（元或万元）`,
      cells: [PROCUREMENT_AMOUNT],
    },
  ]
}

export const UNITS_CHECK: PlausibilityCheck = {
  id: 'P-UNITS',
  severity: 'warning',
  description:
    '本年收费金额单位为万元；数值明显像“元”（例如超大数）应提示。2019格式采购总金额单位需从单元格识别。',
  check,
}
