// The Column type (栏目): one node of an agency's disclosure-column tree.

/** What a column holds; the defaults of 条例 第十二条/第二十条 get their own kinds, agency additions are `custom`. */
export type ColumnKind = 'guide' | 'system' | 'statutory' | 'annual_report' | 'custom'

export const COLUMN_KINDS: readonly ColumnKind[] = ['guide', 'system', 'statutory', 'annual_report', 'custom']

/** Chinese label of each column kind (for the console). */
export const COLUMN_KIND_LABELS: Readonly<Record<ColumnKind, string>> = {
  guide: '政府信息公开指南',
  system: '政府信息公开制度',
  statutory: '法定主动公开内容',
  annual_report: '政府信息公开年报',
  custom: '自定义栏目',
}

export function isColumnKind(value: string): value is ColumnKind {
  return (COLUMN_KINDS as readonly string[]).includes(value)
}

/** A column of an agency's disclosure catalogue. */
export interface Column {
  readonly id: number
  readonly agencyId: number
  /** The parent column; null for a top-level column. */
  readonly parentId: number | null
  /** Display name, e.g. 政策文件. */
  readonly name: string
  /** ASCII identifier used in URLs, unique within the agency and stable once created. */
  readonly slug: string
  readonly kind: ColumnKind
  /** Order among siblings, ascending. */
  readonly position: number
  readonly createdAt: string
  readonly updatedAt: string
}

/** A column with its sub-columns, as the column tree lists them. */
export interface ColumnNode extends Column {
  readonly children: readonly ColumnNode[]
}

/** Slugs: lower-case ASCII letters, digits and hyphens, starting with a letter, at most 64 characters. */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]{0,63}$/

/**
 * Slugs the portal uses for its own pages under /zfxxgk/<agency>/: a column so named would never be reached
 * (ysqgk: the 依申请公开 form and tracking; tujie: the annual report's 图解).
 */
export const RESERVED_COLUMN_SLUGS: readonly string[] = ['ysqgk', 'tujie']

/** Build the tree of `columns` (any order): roots and children sorted by position, then id. */
export function buildColumnTree(columns: readonly Column[]): ColumnNode[] {
  const byParent = new Map<number | null, Column[]>()
  for (const c of columns) {
    const siblings = byParent.get(c.parentId) ?? []
    siblings.push(c)
    byParent.set(c.parentId, siblings)
  }
  const ids = new Set(columns.map((c) => c.id))
  const build = (parentId: number | null): ColumnNode[] =>
    (byParent.get(parentId) ?? [])
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((c) => ({ ...c, children: build(c.id) }))
  // A column whose parent is not in the list (filtered out) is shown as a root rather than lost.
  const orphans = columns.filter((c) => c.parentId !== null && !ids.has(c.parentId))
  return [...build(null), ...orphans.map((c) => ({ ...c, children: build(c.id) }))]
}
