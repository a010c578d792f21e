// The console's work queue for 依申请办理员, administrators and 监督员 (their subtree): open cases by due date,
// due within 3 working days, overdue, awaiting 确认/补正/consultation/fee, concluded; per officer; search.
// Applicant names only (no identity or contact details) in lists.
import { z } from 'zod'
import type { Actor } from '../../accounts/index.ts'
import { addWorkingDays, isCalendarYearUnknown } from '../../calendar/index.ts'
import type { DB } from '../../storage/index.ts'
import { applicationScope } from '../application.policy.ts'
import { parseInput } from '../parse-input.ts'
import { listWorkQueueRows } from '../work-queue.queries.ts'
import type { WorkQueueRow } from '../work-queue.queries.ts'
import { calendarOf, chinaToday } from './operation-options.ts'
import type { OperationOptions } from './operation-options.ts'

export const ListWorkQueueSchema = z.object({
  view: z
    .enum(
      [
        'open',
        'due_soon',
        'overdue',
        'awaiting_confirmation',
        'awaiting_correction',
        'in_consultation',
        'awaiting_fee',
        'concluded',
      ],
      '视图无效',
    )
    .default('open'),
  /** `mine` is the actor's own cases. */
  officer: z.union([z.literal('mine'), z.coerce.number().int().positive()], '承办人无效').optional(),
  agencyId: z.coerce.number('机构无效').int('机构无效').positive('机构无效').optional(),
  search: z.string('搜索词无效').trim().max(100, '搜索词不能超过100个字符').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
})
export type ListWorkQueueInput = z.input<typeof ListWorkQueueSchema>

export interface WorkQueuePage {
  readonly items: readonly (WorkQueueRow & { overdue: boolean })[]
  readonly hasMore: boolean
  readonly today: string
  /** The last day counted as "due within 3 working days". */
  readonly soonUntil: string
}

export async function listWorkQueue(
  db: DB,
  actor: Actor,
  input: ListWorkQueueInput = {},
  options: OperationOptions = {},
): Promise<WorkQueuePage> {
  const data = parseInput(ListWorkQueueSchema, input)
  const today = chinaToday(options.now)
  let soonUntil: string
  try {
    soonUntil = addWorkingDays(calendarOf(options), today, 3)
  } catch (err) {
    // An unknown next year: fall back to calendar days rather than hide the list.
    if (!isCalendarYearUnknown(err)) throw err
    soonUntil = today
  }
  const rows = await listWorkQueueRows(db, applicationScope(actor, 'application.view'), {
    view: data.view,
    today,
    soonUntil,
    officerId: data.officer === 'mine' ? actor.userId : data.officer,
    agencyId: data.agencyId,
    search: data.search,
    limit: data.limit + 1,
    offset: data.offset,
  })
  const open = (r: WorkQueueRow) => !['answered', 'abandoned', 'closed'].includes(r.status)
  return {
    items: rows
      .slice(0, data.limit)
      .map((r) => ({ ...r, overdue: open(r) && r.due_date !== null && r.due_date < today })),
    hasMore: rows.length > data.limit,
    today,
    soonUntil,
  }
}
