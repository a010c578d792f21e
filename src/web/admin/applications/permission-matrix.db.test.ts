// The permission matrix of the 依申请公开 console (the rows of src/web/permission-matrix.db.test.ts, kept here
// because that file is already long and slow): every route × every role × a case in the user's own agency, a
// subordinate, the superior and an unrelated agency → allowed or 403. A denial never shows the case's data
// and a denied write leaves no event and no audit entry. Expectations are written from the role
// descriptions (依申请办理员 its own agency; 机构管理员 its subtree; 监督员 reads its subtree; 平台管理员 all).
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ROLES, systemActor, type Agency, type Role } from '../../../accounts/index.ts'
import { buildAgency, buildApplication, buildUser } from '../../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import {
  buildTestServer,
  fetchCsrf,
  postForm,
  sessionCookie,
  type CsrfPair,
} from '../../testing/web-test-kit.ts'
import { sendLetter } from './applications-surface.ts'

type Where = 'own' | 'sub' | 'superior' | 'unrelated'
const WHERES: readonly Where[] = ['own', 'sub', 'superior', 'unrelated']
type Expect = Readonly<Record<Role, readonly Where[]>>

const SUBTREE: readonly Where[] = ['own', 'sub']
const NONE: readonly Where[] = []
/** Read a case (masked): officers of the agency, administrators and 监督员 over the subtree. */
const VIEW: Expect = {
  platform_admin: WHERES,
  agency_admin: SUBTREE,
  case_officer: ['own'],
  supervisor: SUBTREE,
  publisher: NONE,
  reviewer: NONE,
}
/** Every step, assignment, letter and intake: as VIEW without 监督员 (read-only). */
const HANDLE: Expect = { ...VIEW, supervisor: NONE }
const rolesOnly = (...roles: Role[]): Expect =>
  Object.fromEntries(ROLES.map((r) => [r, roles.includes(r) ? WHERES : NONE])) as unknown as Expect

interface Row {
  readonly name: string
  readonly method: 'GET' | 'POST'
  readonly url: (where: Where) => Promise<string> | string
  readonly form?: (where: Where) => Record<string, string>
  readonly expected: Expect
  /** Set for writes: how many audit entries exist for the target (must not change on a denial). */
  readonly isWrite?: boolean
}

describeDb('依申请公开 console permission matrix', () => {
  const t = useTestDb()
  let app: FastifyInstance
  const agency = {} as Record<Where, Agency>
  const as = {} as Record<Role, CsrfPair>
  const letterId = {} as Record<Where, number>
  const readCase = {} as Record<Where, { id: number; description: string }>
  const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

  /** A fresh case in `where` (each write acts on its own case). */
  async function freshCase(where: Where, online = false): Promise<number> {
    const events = online
      ? [{ type: 'received' as const, on: '2026-11-02', channel: 'online' as const }]
      : [
          { type: 'received' as const, on: '2026-11-02', channel: 'in_person' as const },
          {
            type: 'correction_requested' as const,
            on: '2026-11-03',
            correctionPeriodWorkingDays: 10,
            items: ['请说明所需信息的文号'],
          },
        ]
    return (await buildApplication(t.db, agency[where], events)).id
  }

  beforeAll(async () => {
    const { db } = t
    app = await buildTestServer(db)
    agency.superior = await buildAgency(db, { name: '矩阵上级机关', kind: 'general_office' })
    agency.own = await buildAgency(db, { parent: agency.superior, name: '矩阵本级机关' })
    agency.sub = await buildAgency(db, { parent: agency.own, name: '矩阵下级机关' })
    agency.unrelated = await buildAgency(db, { name: '矩阵无关机关' })
    for (const role of ROLES) {
      const { user } = await buildUser(db, { agency: agency.own, roles: [role] })
      as[role] = await fetchCsrf(app, await sessionCookie(db, user), '/admin/password')
    }
    for (const where of WHERES) {
      const id = await freshCase(where)
      readCase[where] = { id, description: `测试申请` }
      const letter = await sendLetter(db, systemActor('test'), {
        applicationId: id,
        on: '2026-11-03',
        request: 'correction_notice',
      })
      letterId[where] = letter.id
    }
  }, 60_000)
  afterAll(async () => {
    await app.close()
  })

  const ROWS: readonly Row[] = [
    {
      name: 'GET /admin/applications',
      method: 'GET',
      url: () => '/admin/applications',
      expected: rolesOnly('platform_admin', 'agency_admin', 'case_officer', 'supervisor'),
    },
    {
      name: 'GET /admin/applications/export.csv',
      method: 'GET',
      url: () => '/admin/applications/export.csv',
      expected: rolesOnly('platform_admin', 'agency_admin', 'case_officer', 'supervisor'),
    },
    {
      name: 'GET /admin/applications/new',
      method: 'GET',
      url: () => '/admin/applications/new',
      expected: rolesOnly('platform_admin', 'agency_admin', 'case_officer'),
    },
    {
      name: 'GET /admin/applications/:id',
      method: 'GET',
      url: (x) => `/admin/applications/${readCase[x].id}`,
      expected: VIEW,
    },
    {
      name: 'GET /admin/applications/letters/:id/pdf',
      method: 'GET',
      url: (x) => `/admin/applications/letters/${letterId[x]}/pdf`,
      expected: VIEW,
    },
    {
      name: 'POST /admin/applications/new (agency)',
      method: 'POST',
      url: () => '/admin/applications/new',
      form: (x) => ({
        agencyId: String(agency[x].id),
        channel: 'in_person',
        arrivedOn: '2026-11-20',
        applicantType: 'natural_person',
        name: '王五',
        idType: 'passport',
        idNumber: 'E12345678',
        phone: '13800138000',
        description: '矩阵登记的申请',
        formWanted: 'paper',
        deliveryMethod: 'pickup',
      }),
      expected: HANDLE,
      isWrite: true,
    },
    {
      name: 'POST /admin/applications/:id/steps/confirm',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x, true)}/steps/confirm`,
      form: () => ({ on: TODAY }),
      expected: HANDLE,
      isWrite: true,
    },
    {
      name: 'POST /admin/applications/:id/steps/record_correction',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x)}/steps/record_correction`,
      form: () => ({ on: TODAY }),
      expected: HANDLE,
      isWrite: true,
    },
    {
      name: 'POST /admin/applications/:id/assign',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x)}/assign`,
      form: () => ({ officerId: '' }),
      expected: HANDLE,
    },
    {
      name: 'POST /admin/applications/:id/reveal',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x)}/reveal`,
      form: () => ({}),
      expected: HANDLE,
      isWrite: true,
    },
    {
      name: 'POST /admin/applications/:id/letters (preview)',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x)}/letters`,
      form: () => ({ intent: 'preview', request: 'correction_notice', on: TODAY }),
      expected: HANDLE,
    },
    {
      name: 'POST /admin/applications/:id/letters (send)',
      method: 'POST',
      url: async (x) => `/admin/applications/${await freshCase(x)}/letters`,
      form: () => ({ intent: 'send', request: 'correction_notice', on: TODAY }),
      expected: HANDLE,
      isWrite: true,
    },
  ]

  async function auditCount(): Promise<number> {
    const row = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst()
    return Number(row?.n ?? 0)
  }

  it('allows exactly the expected role × agency pairs; a denial is 403 without data and writes nothing', async () => {
    const mismatches: string[] = []
    for (const row of ROWS) {
      for (const role of ROLES) {
        for (const where of WHERES) {
          const url = await row.url(where)
          const before = row.isWrite ? await auditCount() : 0
          const response =
            row.method === 'GET'
              ? await app.inject({ method: 'GET', url, headers: { cookie: as[role].cookie } })
              : await postForm(app, as[role], url, row.form?.(where) ?? {})
          const allowed = row.expected[role].includes(where)
          const ok = allowed ? response.statusCode < 400 : response.statusCode === 403
          if (!ok) mismatches.push(`${row.name} ${role}@${where}: ${response.statusCode}`)
          if (!allowed) {
            expect(response.body).not.toContain('测试申请')
            expect(response.body).not.toContain('1101051949')
            if (row.isWrite) expect(await auditCount()).toBe(before)
          }
          if (allowed && row.isWrite) expect(await auditCount()).toBeGreaterThan(before)
        }
      }
    }
    expect(mismatches).toEqual([])
  }, 240_000)

  it('refuses every console write without its CSRF token (403, nothing written)', async () => {
    const admin = as.platform_admin
    for (const row of ROWS.filter((r) => r.method === 'POST')) {
      const url = await row.url('own')
      const before = await auditCount()
      const body = new URLSearchParams(row.form?.('own') ?? {}).toString()
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      })
      expect(response.statusCode, row.name).toBe(403)
      expect(await auditCount(), row.name).toBe(before)
    }
  }, 60_000)
})
