// Small labels of an item's state: its workflow status and where it stands against the 20-working-day rule
// of 条例 第二十六条 (computed by the catalogue; shown here as words, never as colour alone).
import { ITEM_STATUS_LABELS, type DeadlineStanding, type ItemStatus } from './catalogue-surface.ts'

export function StatusTag({ status }: { readonly status: ItemStatus }) {
  return (
    <span class={`tag status-${status}`} safe>
      {ITEM_STATUS_LABELS[status]}
    </span>
  )
}

/** The words for a deadline standing, e.g. “逾期 3 个工作日（应于 2026-05-08 前公开）”. */
export function deadlineText(standing: DeadlineStanding): string {
  switch (standing.kind) {
    case 'late':
      return `已逾期 ${standing.workingDaysLate} 个工作日（应于 ${standing.dueOn} 前公开）`
    case 'due_soon':
      return `即将到期：剩余 ${standing.workingDaysLeft} 个工作日（应于 ${standing.dueOn} 前公开）`
    case 'in_time':
      return `剩余 ${standing.workingDaysLeft} 个工作日（应于 ${standing.dueOn} 前公开）`
    case 'unknown':
      return `无法计算：${standing.unknownYear} 年的节假日安排尚未公布`
  }
}

export function DeadlineTag({ standing }: { readonly standing: DeadlineStanding | null }) {
  if (standing === null) return <span class="muted">—</span>
  return (
    <span class={`tag deadline-${standing.kind}`} safe>
      {deadlineText(standing)}
    </span>
  )
}
