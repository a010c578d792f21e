// A readable label for an audit entry's target: the recorded name (agency) or username (user) from the change
// itself, falling back to type and id. The log stores domain objects, so these keys are stable.

const TARGET_TYPE_LABELS: Readonly<Record<string, string>> = { agency: '机构', user: '用户' }

function nameIn(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  for (const key of ['name', 'username']) {
    const v = record[key]
    if (typeof v === 'string' && v !== '') return v
  }
  return undefined
}

export function auditTargetLabel(entry: {
  readonly targetType: string
  readonly targetId: string | null
  readonly before: unknown
  readonly after: unknown
}): string {
  const type = TARGET_TYPE_LABELS[entry.targetType] ?? entry.targetType
  const name = nameIn(entry.after) ?? nameIn(entry.before)
  const id = entry.targetId === null ? '' : ` #${entry.targetId}`
  return name === undefined ? `${type}${id}` : `${type}${id}：${name}`
}
