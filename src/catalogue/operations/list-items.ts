// Console reads: the items an actor may see (any status), one item with what the actor may do with it,
// and the 条例 第二十六条 watch list (due soon and late).
import type { Actor } from '../../accounts/index.ts'
import type { HolidayCalendar, IsoDate } from '../../calendar/index.ts'
import { nationalCalendar } from '../../calendar/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow } from '../../storage/index.ts'
import { scopedAgencyIds } from '../agency-ref.queries.ts'
import {
  canCatalogue,
  catalogueAbilities,
  catalogueScope,
  type CatalogueAction,
} from '../catalogue.policy.ts'
import type { Attachment, Item, ItemStatus, ItemSummary } from '../item.ts'
import { chinaDateOf } from '../item.ts'
import { listAttachments, listItemRows, listUnpublishedWithMadeOn } from '../item.queries.ts'
import { deadlineStanding, type DeadlineStanding } from '../publication-deadline.ts'
import { agencyTargetOf, loadItem } from './item-context.ts'

export interface ListItemsInput {
  readonly statuses?: readonly ItemStatus[]
  readonly columnId?: number
  /** Year of 发布日期 (or of creation, for items not yet published). */
  readonly year?: number
  /** 主题分类 code; a first-level code includes its second-level ones. */
  readonly topicCode?: string
  /** Words to find in 标题, 文号 or 索引号. */
  readonly text?: string
  readonly page?: number
  readonly pageSize?: number
}

/** Items of every agency the actor may view in the console, most recently changed first. */
export async function listItems(
  db: DB,
  actor: Actor,
  input: ListItemsInput = {},
): Promise<{ items: ItemSummary[]; total: number }> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 20, 1), 100)
  const page = Math.max(input.page ?? 1, 1)
  const scope = catalogueScope(actor, 'catalogue.item.view')
  return listItemRows(db, {
    agencyIds: scope.all ? 'all' : await scopedAgencyIds(db, scope),
    statuses: input.statuses,
    columnId: input.columnId,
    year: input.year,
    topicCode: input.topicCode,
    text: input.text?.slice(0, 100),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  })
}

/** One item for the console, with its attachments and the actor's abilities on it. */
export async function getItem(
  db: DB,
  actor: Actor,
  id: number,
): Promise<{ item: Item; attachments: Attachment[]; abilities: Readonly<Record<CatalogueAction, boolean>> }> {
  const { item, agency } = await loadItem(db, id)
  const target = agencyTargetOf(agency)
  if (!canCatalogue(actor, 'catalogue.item.view', target)) throw new DomainError('not_found', '信息不存在')
  return {
    item,
    attachments: await listAttachments(db, item.id),
    abilities: catalogueAbilities(actor, target),
  }
}

/** An unpublished item and where it stands against its publication deadline. */
export interface DeadlineWatchEntry {
  readonly item: ItemSummary
  readonly standing: DeadlineStanding
}

export interface DeadlineWatch {
  /** Past the 20th working day after 形成或变更日期, still unpublished. */
  readonly late: readonly DeadlineWatchEntry[]
  /** At most 3 working days left. */
  readonly dueSoon: readonly DeadlineWatchEntry[]
  /** The calendar does not know a year the deadline falls in: shown, never guessed. */
  readonly unknown: readonly DeadlineWatchEntry[]
}

/**
 * Unpublished items the actor may view, classified against 条例 第二十六条 on `today` (China Standard Time
 * by default). The list is small (items in the workflow), so the deadline is computed here, once, by
 * `publicationDeadline`, not stored.
 */
export async function listDeadlineWatch(
  db: DB,
  actor: Actor,
  options: { readonly today?: IsoDate; readonly calendar?: HolidayCalendar } = {},
): Promise<DeadlineWatch> {
  const today = options.today ?? chinaDateOf(isoNow())
  const calendar = options.calendar ?? nationalCalendar()
  const agencyIds = await scopedAgencyIds(db, catalogueScope(actor, 'catalogue.item.view'))
  const late: DeadlineWatchEntry[] = []
  const dueSoon: DeadlineWatchEntry[] = []
  const unknown: DeadlineWatchEntry[] = []
  for (const item of await listUnpublishedWithMadeOn(db, agencyIds)) {
    if (item.madeOn === null) continue
    const standing = deadlineStanding(item.madeOn, today, calendar)
    if (standing.kind === 'late') late.push({ item, standing })
    else if (standing.kind === 'due_soon') dueSoon.push({ item, standing })
    else if (standing.kind === 'unknown') unknown.push({ item, standing })
  }
  return { late, dueSoon, unknown }
}
