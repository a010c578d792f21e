// Section 六's 信息处理费 paragraph (国办函〔2020〕109号): notices sent in the year, their total, and what was
// collected (the amount of the case's notice when it was paid in the year). Pure.
export interface FeeEvent {
  readonly applicationId: number
  readonly type: string
  readonly payload: string
  readonly on: string
}

export interface FeeSummary {
  readonly notices: number
  readonly noticedYuan: number
  readonly paid: number
  readonly collectedYuan: number
}

function amountOf(payload: string): number {
  try {
    const v = (JSON.parse(payload) as { amountYuan?: unknown }).amountYuan
    return typeof v === 'number' && Number.isFinite(v) ? v : 0
  } catch {
    return 0
  }
}

export function summariseFees(events: readonly FeeEvent[]): FeeSummary {
  const lastNotice = new Map<number, number>()
  let notices = 0
  let noticedYuan = 0
  let paid = 0
  let collectedYuan = 0
  for (const e of events) {
    if (e.type === 'fee_notice_sent') {
      const amount = amountOf(e.payload)
      notices += 1
      noticedYuan += amount
      lastNotice.set(e.applicationId, amount)
    } else if (e.type === 'fee_paid') {
      paid += 1
      collectedYuan += lastNotice.get(e.applicationId) ?? 0
    }
  }
  return { notices, noticedYuan, paid, collectedYuan }
}

/** The pre-filled text of section 六. */
export function feeParagraph(year: number, fees: FeeSummary): string {
  if (fees.notices === 0) return `${year}年度，本机关未发出政府信息公开信息处理费收费通知，未收取信息处理费。`
  return (
    `${year}年度，本机关依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）发出收费通知${fees.notices}件，` +
    `金额合计${fees.noticedYuan}元；实际收取信息处理费${fees.paid}件，金额${fees.collectedYuan}元。`
  )
}
