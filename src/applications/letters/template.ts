// Letter templates: plain text with `{{placeholder}}` substitution in one pass (a value is never read as a
// template, so `{{` inside a value stays text), `\{{` for a literal `{{`, and an escape function applied to
// values (HTML previews pass `escapeHtml`; DOCX and PDF writers escape themselves). Unknown placeholders are
// refused when a template is saved.

/** Every placeholder a template may use, with its Chinese meaning (shown next to the template editor). */
export const PLACEHOLDERS = {
  number: '文号',
  date: '成文日期',
  agencyName: '本机关名称',
  applicantName: '申请人姓名或名称',
  applicantAddress: '申请人通信地址',
  receivedOn: '收到申请之日',
  description: '申请内容',
  correctionItems: '补正事项（逐项）',
  correctionPeriod: '补正期限（工作日）',
  correctionDue: '补正期限届满日',
  extensionDays: '延长的工作日数',
  extensionReason: '延期理由',
  dueDate: '答复期限',
  consultedParty: '被征求意见的第三方',
  consultationDue: '第三方答复期限',
  feeMethod: '计收方式',
  feeAmount: '收费金额（元）',
  feeBands: '收费明细',
  paymentDue: '缴费期限',
  answerLabel: '答复类型',
  legalBasis: '法律依据',
  reasons: '答复说明或理由',
  remedy: '救济途径',
} as const

export type Placeholder = keyof typeof PLACEHOLDERS
export type TemplateValues = Partial<Record<Placeholder, string>>

const TOKEN = /\\\{\{|\{\{\s*([A-Za-z]+)\s*\}\}/g

/** Placeholders a template uses that do not exist (empty when the template is valid). */
export function unknownPlaceholders(template: string): string[] {
  const unknown = new Set<string>()
  for (const m of template.matchAll(TOKEN)) {
    const name = m[1]
    if (name !== undefined && !(name in PLACEHOLDERS)) unknown.add(name)
  }
  return [...unknown]
}

/* eslint-disable no-control-regex -- these patterns exist to reject control characters */
// Control characters never reach a letter (they would break the DOCX XML).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g
/* eslint-enable no-control-regex */

/** The template with every placeholder replaced by its (escaped) value; missing values become empty. */
export function fillTemplate(
  template: string,
  values: TemplateValues,
  escape: (s: string) => string = (s) => s,
): string {
  return template.replace(TOKEN, (whole, name: string | undefined) => {
    if (name === undefined) return '{{'
    if (!(name in PLACEHOLDERS)) return whole
    return escape((values[name as Placeholder] ?? '').replace(CONTROL, ''))
  })
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}
