// The publishing workflow as a transition table: draft → 保密审查 → published (now or at a set time) →
// withdrawn. Every status change goes through `nextStatus`, so an invalid step is one DomainError.
import { DomainError } from '../shared/domain-error.ts'
import { ITEM_STATUS_LABELS } from './item.ts'
import type { ItemStatus } from './item.ts'

/** A step of the workflow. */
export type ItemTransition =
  | 'submit' // 提交保密审查 (信息发布员)
  | 'return' // 退回修改, with a reason (保密审查员)
  | 'approve_now' // 审查通过并立即发布
  | 'approve_scheduled' // 审查通过并定时发布
  | 'publish_scheduled' // the scheduler publishes a scheduled item whose time has come
  | 'withdraw' // 撤稿, with a reason

export const TRANSITIONS: Readonly<
  Record<ItemTransition, { readonly from: readonly ItemStatus[]; readonly to: ItemStatus }>
> = {
  submit: { from: ['draft', 'returned'], to: 'in_review' },
  return: { from: ['in_review'], to: 'returned' },
  approve_now: { from: ['in_review'], to: 'published' },
  approve_scheduled: { from: ['in_review'], to: 'scheduled' },
  publish_scheduled: { from: ['scheduled'], to: 'published' },
  withdraw: { from: ['published', 'scheduled'], to: 'withdrawn' },
}

export const TRANSITION_LABELS: Readonly<Record<ItemTransition, string>> = {
  submit: '提交保密审查',
  return: '退回修改',
  approve_now: '审查通过并发布',
  approve_scheduled: '审查通过并定时发布',
  publish_scheduled: '定时发布',
  withdraw: '撤稿',
}

/** True when `transition` may be applied to an item in `from`. */
export function canTransition(from: ItemStatus, transition: ItemTransition): boolean {
  return TRANSITIONS[transition].from.includes(from)
}

/** The status after `transition`. @throws DomainError('conflict') when the step is not allowed from `from`. */
export function nextStatus(from: ItemStatus, transition: ItemTransition): ItemStatus {
  if (!canTransition(from, transition)) {
    throw new DomainError(
      'conflict',
      `信息当前状态为“${ITEM_STATUS_LABELS[from]}”，不能执行“${TRANSITION_LABELS[transition]}”`,
    )
  }
  return TRANSITIONS[transition].to
}

/** Content may be edited only before review or after being returned. */
export function isEditable(status: ItemStatus): boolean {
  return status === 'draft' || status === 'returned'
}

/** Statuses whose item is publicly reachable (a withdrawn item keeps its URL and shows a notice). */
export const PUBLIC_STATUSES: readonly ItemStatus[] = ['published', 'withdrawn']
