import { afterAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgency } from '../../../test/factories.ts'
import { listAuditLog, systemActor } from '../../accounts/index.ts'
import { publicationDeadline } from '../../catalogue/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { NO_OVERRIDES } from '../calendar-overrides.ts'
import { isYearKnown } from '../holiday-calendar.ts'
import { installCalendarOverrides, nationalCalendar } from '../national-calendar.ts'
import { addWorkingDays, isWorkingDay } from '../working-days.ts'
import { getCalendarAdminView } from './calendar-admin-view.ts'
import {
  addCalendarOverride,
  declareCalendarYear,
  removeCalendarOverride,
  withdrawCalendarYear,
} from './change-calendar.ts'
import { refreshCalendar } from './refresh-calendar.ts'

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(DomainError)
  return err as DomainError
}

describeDb('calendar overrides from the database', () => {
  const t = useTestDb()
  afterAll(() => {
    installCalendarOverrides(NO_OVERRIDES)
  })

  it('an override changes the calendar used by the 20-working-day rule at once, and removing it restores it', async () => {
    const admin = systemActor('test')
    // 2026-03-02 (Mon) + 20 working days = 2026-03-30 on the package calendar.
    expect(publicationDeadline('2026-03-02')).toEqual({ known: true, dueOn: '2026-03-30' })
    await addCalendarOverride(t.db, admin, { date: '2026-03-10', kind: 'holiday', note: '测试：临时放假' })
    expect(isWorkingDay(nationalCalendar(), '2026-03-10')).toBe(false)
    expect(publicationDeadline('2026-03-02')).toEqual({ known: true, dueOn: '2026-03-31' })
    // A Saturday made a 调休 working day brings it back.
    await addCalendarOverride(t.db, admin, {
      date: '2026-03-14',
      kind: 'makeup_workday',
      note: '测试：调休上班',
    })
    expect(publicationDeadline('2026-03-02')).toEqual({ known: true, dueOn: '2026-03-30' })
    await removeCalendarOverride(t.db, admin, { date: '2026-03-14' })
    await removeCalendarOverride(t.db, admin, { date: '2026-03-10' })
    expect(publicationDeadline('2026-03-02')).toEqual({ known: true, dueOn: '2026-03-30' })

    const { items } = await listAuditLog(t.db, systemActor('test'), { pageSize: 50 })
    expect(items.filter((e) => e.targetType === 'calendar').map((e) => e.action)).toEqual([
      'calendar.override.remove',
      'calendar.override.remove',
      'calendar.override.add',
      'calendar.override.add',
    ])
  })

  it('a year without an official schedule stays unknown until its whole schedule is declared', async () => {
    const admin = systemActor('test')
    const year = 2031
    expect(isYearKnown(nationalCalendar(), year)).toBe(false)
    expect(publicationDeadline(`${year}-03-02`)).toEqual({ known: false, unknownYear: year })
    // Entering days alone does not make a year known.
    await addCalendarOverride(t.db, admin, { date: `${year}-01-01`, kind: 'holiday', note: '元旦' })
    expect(publicationDeadline(`${year}-03-02`)).toEqual({ known: false, unknownYear: year })
    let view = await getCalendarAdminView(t.db, admin)
    expect(view.overrides.find((o) => o.date === `${year}-01-01`)?.inEffect).toBe(false)

    await declareCalendarYear(t.db, admin, { year, note: '国办发明电〔2030〕7号' })
    expect(isYearKnown(nationalCalendar(), year)).toBe(true)
    expect(isWorkingDay(nationalCalendar(), `${year}-01-01`)).toBe(false)
    expect(addWorkingDays(nationalCalendar(), `${year}-12-31`, 0)).toBe(`${year}-12-31`)
    expect(publicationDeadline(`${year}-03-03`)).toEqual({ known: true, dueOn: `${year}-03-31` })
    view = await getCalendarAdminView(t.db, admin)
    expect(view.declaredYears.map((y) => y.year)).toEqual([year])
    expect(view.packageYears).toContain(2026)
    expect(view.overrides.find((o) => o.date === `${year}-01-01`)?.inEffect).toBe(true)

    await withdrawCalendarYear(t.db, admin, { year })
    expect(publicationDeadline(`${year}-03-02`)).toEqual({ known: false, unknownYear: year })
  })

  it('another process’s change is picked up by refreshCalendar', async () => {
    await t.db
      .insertInto('calendar_overrides')
      .values({
        date: '2026-04-01',
        kind: 'holiday',
        note: '别处录入',
        created_by: null,
        created_by_name: null,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute()
    expect(isWorkingDay(nationalCalendar(), '2026-04-01')).toBe(true)
    expect(await refreshCalendar(t.db)).toBe(true)
    expect(isWorkingDay(nationalCalendar(), '2026-04-01')).toBe(false)
    expect(await refreshCalendar(t.db)).toBe(false)
  })

  it('refuses bad input, duplicates, needless or empty declarations, and anyone but 平台管理员', async () => {
    const admin = systemActor('test')
    expect(
      (await refusal(addCalendarOverride(t.db, admin, { date: '2026-02-30', kind: 'holiday', note: 'x' })))
        .code,
    ).toBe('invalid_input')
    expect(
      (
        await refusal(
          addCalendarOverride(t.db, admin, { date: '2026-05-06', kind: 'nap' as 'holiday', note: 'x' }),
        )
      ).code,
    ).toBe('invalid_input')
    expect(
      (await refusal(addCalendarOverride(t.db, admin, { date: '2026-05-06', kind: 'holiday', note: ' ' })))
        .code,
    ).toBe('invalid_input')
    await addCalendarOverride(t.db, admin, { date: '2026-05-06', kind: 'holiday', note: '测试' })
    expect(
      (await refusal(addCalendarOverride(t.db, admin, { date: '2026-05-06', kind: 'normal', note: '测试' })))
        .code,
    ).toBe('conflict')
    expect((await refusal(removeCalendarOverride(t.db, admin, { date: '2026-05-07' }))).code).toBe(
      'not_found',
    )
    expect((await refusal(declareCalendarYear(t.db, admin, { year: 2026, note: '重复' }))).code).toBe(
      'conflict',
    )
    expect((await refusal(declareCalendarYear(t.db, admin, { year: 2032, note: '未录入' }))).code).toBe(
      'invalid_input',
    )
    expect((await refusal(declareCalendarYear(t.db, admin, { year: 3000, note: '太远' }))).code).toBe(
      'invalid_input',
    )
    const agency = await buildAgency(t.db)
    const agencyAdmin = await buildActor(t.db, agency, 'agency_admin')
    expect(
      (
        await refusal(
          addCalendarOverride(t.db, agencyAdmin, { date: '2026-05-08', kind: 'holiday', note: 'x' }),
        )
      ).code,
    ).toBe('forbidden')
    expect((await refusal(getCalendarAdminView(t.db, agencyAdmin))).code).toBe('forbidden')
    await removeCalendarOverride(t.db, admin, { date: '2026-05-06' })
  })
})
