// The calendar console through HTTP on both engines: 平台管理员 sees the known years, adds and removes an
// override (the deadline watch uses it at once), declares a year; a refused form keeps what was typed;
// other roles get 403 and no menu entry.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildUser } from '../../../../test/factories.ts'
import {
  installCalendarOverrides,
  isWorkingDay,
  nationalCalendar,
  NO_OVERRIDES,
} from '../../../calendar/index.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  type CsrfPair,
} from '../../testing/web-test-kit.ts'

describeDb('calendar console', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let admin: CsrfPair
  let agencyAdmin: CsrfPair

  beforeAll(async () => {
    // Stored before the server starts: the server must load it when it becomes ready.
    await t.db
      .insertInto('calendar_overrides')
      .values({
        date: '2026-07-01',
        kind: 'holiday',
        note: '启动前录入',
        created_by: null,
        created_by_name: null,
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute()
    installCalendarOverrides(NO_OVERRIDES)
    app = await buildTestServer(t.db)
    await app.ready()
    const agency = await buildAgency(t.db)
    const as = async (role: 'platform_admin' | 'agency_admin', formPage: string) => {
      const { user } = await buildUser(t.db, { agency, roles: [role] })
      return fetchCsrf(app, await sessionCookie(t.db, user), formPage)
    }
    admin = await as('platform_admin', '/admin/calendar')
    agencyAdmin = await as('agency_admin', '/admin/catalogue/columns')
  })
  afterAll(async () => {
    await app.close()
    installCalendarOverrides(NO_OVERRIDES)
  })

  const get = (who: CsrfPair, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })

  it('loads the stored overrides when the server starts', () => {
    expect(isWorkingDay(nationalCalendar(), '2026-07-01')).toBe(false)
  })

  it('shows the known years and manages overrides and declared years', async () => {
    const page = await get(admin, '/admin/calendar')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('工作日日历')
    expect(page.body).toMatch(/日历数据（chinese-days）：\d{4}—2026年/)
    expect(page.body).toContain('href="/admin/calendar"')

    const added = await postForm(app, admin, '/admin/calendar/overrides', {
      date: '2026-06-15',
      kind: 'holiday',
      note: '测试放假<script>alert(1)</script>',
    })
    expect(added.statusCode).toBe(303)
    expect(isWorkingDay(nationalCalendar(), '2026-06-15')).toBe(false)
    const listed = await get(admin, '/admin/calendar?saved=1')
    expect(listed.body).toContain('2026-06-15')
    expect(listed.body).toContain('测试放假&lt;script>')
    expect(listed.body).not.toContain('<script>alert(1)')

    const duplicate = await postForm(app, admin, '/admin/calendar/overrides', {
      date: '2026-06-15',
      kind: 'normal',
      note: '再次录入',
    })
    expect(duplicate.statusCode).toBe(409)
    expect(duplicate.body).toContain('已有调整记录')
    expect(duplicate.body).toContain('再次录入')

    const bad = await postForm(app, admin, '/admin/calendar/overrides', {
      date: '2026-13-01',
      kind: 'holiday',
      note: 'x',
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.body).toContain('日期格式应为 YYYY-MM-DD')

    expect(
      (await postForm(app, admin, '/admin/calendar/overrides/remove', { date: '2026-06-15' })).statusCode,
    ).toBe(303)
    expect(isWorkingDay(nationalCalendar(), '2026-06-15')).toBe(true)

    await postForm(app, admin, '/admin/calendar/overrides', {
      date: '2033-01-03',
      kind: 'holiday',
      note: '元旦',
    })
    const declared = await postForm(app, admin, '/admin/calendar/years', {
      year: '2033',
      yearNote: '国办发明电〔2032〕1号',
    })
    expect(declared.statusCode).toBe(303)
    expect(isWorkingDay(nationalCalendar(), '2033-01-03')).toBe(false)
    expect((await get(admin, '/admin/calendar')).body).toContain('国办发明电〔2032〕1号')
    expect((await postForm(app, admin, '/admin/calendar/years/withdraw', { year: '2033' })).statusCode).toBe(
      303,
    )
    expect(() => isWorkingDay(nationalCalendar(), '2033-01-03')).toThrow('2033年')
  })

  it('is for 平台管理员 only', async () => {
    expect((await get(agencyAdmin, '/admin/calendar')).statusCode).toBe(403)
    const refused = await postForm(app, agencyAdmin, '/admin/calendar/overrides', {
      date: '2026-06-16',
      kind: 'holiday',
      note: 'x',
    })
    expect(refused.statusCode).toBe(403)
    expect((await get(agencyAdmin, '/admin')).body).not.toContain('href="/admin/calendar"')
  })
})
