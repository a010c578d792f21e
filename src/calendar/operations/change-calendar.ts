// 平台管理员 corrects the working-day calendar: add or remove a per-date override, declare a year's complete
// schedule entered (or withdraw the declaration). Each change is audited in its transaction, then the
// process's calendar is rebuilt, so the next deadline computed anywhere uses it.
import { isSystemActor, recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { chineseDaysSource } from '../chinese-days-source.ts'
import { authorizeCalendar } from '../calendar.policy.ts'
import {
  deleteDeclaredYearRow,
  deleteOverrideRow,
  findDeclaredYearRow,
  findOverrideRow,
  insertDeclaredYearRow,
  insertOverrideRow,
  listOverrideRows,
} from '../calendar.queries.ts'
import { parseCalendarInput } from '../parse-calendar-input.ts'
import {
  AddCalendarOverrideSchema,
  DeclareCalendarYearSchema,
  RemoveCalendarOverrideSchema,
  WithdrawCalendarYearSchema,
  type AddCalendarOverrideInput,
  type DeclareCalendarYearInput,
  type RemoveCalendarOverrideInput,
  type WithdrawCalendarYearInput,
} from './calendar-admin.schema.ts'
import { refreshCalendar } from './refresh-calendar.ts'

function who(actor: Actor): { id: number | null; name: string } {
  return { id: isSystemActor(actor) ? null : actor.userId, name: actor.username }
}

async function audit(
  db: DB,
  actor: Actor,
  action: string,
  targetId: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, actor, { action, targetType: 'calendar', targetId, agencyId: null, before, after })
}

export async function addCalendarOverride(
  db: DB,
  actor: Actor,
  input: AddCalendarOverrideInput,
): Promise<void> {
  const data = parseCalendarInput(AddCalendarOverrideSchema, input)
  authorizeCalendar(actor)
  await withTransaction(db, async (trx) => {
    if (await findOverrideRow(trx, data.date)) {
      throw new DomainError('conflict', `${data.date} 已有调整记录，请先删除再重新录入`, {
        date: '该日期已有调整记录',
      })
    }
    const row = {
      date: data.date,
      kind: data.kind,
      note: data.note,
      created_by: who(actor).id,
      created_by_name: who(actor).name,
      created_at: isoNow(),
    }
    await insertOverrideRow(trx, row)
    await audit(trx, actor, 'calendar.override.add', data.date, null, row)
  })
  await refreshCalendar(db)
}

export async function removeCalendarOverride(
  db: DB,
  actor: Actor,
  input: RemoveCalendarOverrideInput,
): Promise<void> {
  const data = parseCalendarInput(RemoveCalendarOverrideSchema, input)
  authorizeCalendar(actor)
  await withTransaction(db, async (trx) => {
    const before = await findOverrideRow(trx, data.date)
    if (!before) throw new DomainError('not_found', `${data.date} 没有调整记录`)
    await deleteOverrideRow(trx, data.date)
    await audit(trx, actor, 'calendar.override.remove', data.date, before, null)
  })
  await refreshCalendar(db)
}

/**
 * Declare that a year's complete official schedule has been entered as overrides: from then on its days are
 * computed. Refused for a year the package already holds, and for a year without any 放假 entered (a year
 * of plain weekends would silently give wrong deadlines around 春节 and 国庆).
 */
export async function declareCalendarYear(
  db: DB,
  actor: Actor,
  input: DeclareCalendarYearInput,
): Promise<void> {
  const data = parseCalendarInput(DeclareCalendarYearSchema, input)
  authorizeCalendar(actor)
  if (chineseDaysSource().knownYears.includes(data.year)) {
    throw new DomainError('conflict', `${data.year}年的法定节假日安排已在日历数据中，无需声明`, {
      year: '该年度已有官方安排',
    })
  }
  await withTransaction(db, async (trx) => {
    if (await findDeclaredYearRow(trx, data.year)) {
      throw new DomainError('conflict', `${data.year}年已声明`, { year: '该年度已声明' })
    }
    const holidays = (await listOverrideRows(trx)).filter(
      (r) => r.kind === 'holiday' && r.date.startsWith(`${data.year}-`),
    )
    if (holidays.length === 0) {
      throw new DomainError('invalid_input', `请先录入${data.year}年的放假和调休日期，再声明全年安排已录入`, {
        year: '该年度尚未录入放假日期',
      })
    }
    const row = {
      year: data.year,
      note: data.note,
      declared_by: who(actor).id,
      declared_by_name: who(actor).name,
      declared_at: isoNow(),
    }
    await insertDeclaredYearRow(trx, row)
    await audit(trx, actor, 'calendar.year.declare', String(data.year), null, row)
  })
  await refreshCalendar(db)
}

/** Withdraw a declaration: the year is unknown again (its deadlines are shown as unknown). */
export async function withdrawCalendarYear(
  db: DB,
  actor: Actor,
  input: WithdrawCalendarYearInput,
): Promise<void> {
  const data = parseCalendarInput(WithdrawCalendarYearSchema, input)
  authorizeCalendar(actor)
  await withTransaction(db, async (trx) => {
    const before = await findDeclaredYearRow(trx, data.year)
    if (!before) throw new DomainError('not_found', `${data.year}年没有声明记录`)
    await deleteDeclaredYearRow(trx, data.year)
    await audit(trx, actor, 'calendar.year.withdraw', String(data.year), before, null)
  })
  await refreshCalendar(db)
}
