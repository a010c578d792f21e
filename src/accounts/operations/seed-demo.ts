// The demo world for `gongkai serve --demo`: on an empty database, a clearly fictional agency tree (示例区…)
// with one user per role. Nothing here resembles a real agency; the credit code uses the unassigned
// region 999900.
import { z } from 'zod'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import type { AgencyKind } from '../agency-kind.ts'
import { insertAgency } from '../agency.queries.ts'
import { recordAudit } from '../audit.queries.ts'
import { creditCodeCheckChar } from '../credit-code.ts'
import { parseInput } from '../parse-input.ts'
import { hashPassword } from '../password-hash.ts'
import { generatePassword, passwordProblem } from '../password-rules.ts'
import type { Role } from '../role.ts'
import { countUsers, insertUser } from '../user.queries.ts'

export interface SeedDemoResult {
  /** False when the database already had users and nothing was done. */
  readonly created: boolean
  /** Every demo login (all share the admin password). */
  readonly users: readonly { username: string; role: Role; agencyName: string }[]
  /** The `admin` password: generated (print it once) or the one given. Null when nothing was created. */
  readonly adminPassword: string | null
}

const DEMO_AGENCIES: readonly { key: string; parent: string | null; name: string; kind: AgencyKind }[] = [
  { key: 'office', parent: null, name: '示例区人民政府办公室', kind: 'general_office' },
  { key: 'street', parent: 'office', name: '示例区某某街道办事处', kind: 'street_office' },
  { key: 'bureau', parent: 'office', name: '示例区某某局', kind: 'department' },
  { key: 'town', parent: 'office', name: '示例区某某镇人民政府', kind: 'township' },
]

const DEMO_USERS: readonly { username: string; displayName: string; role: Role; agency: string }[] = [
  { username: 'admin', displayName: '平台管理员（示例）', role: 'platform_admin', agency: 'office' },
  { username: 'office-admin', displayName: '办公室管理员（示例）', role: 'agency_admin', agency: 'office' },
  { username: 'publisher', displayName: '信息发布员（示例）', role: 'publisher', agency: 'bureau' },
  { username: 'reviewer', displayName: '保密审查员（示例）', role: 'reviewer', agency: 'bureau' },
  { username: 'case-officer', displayName: '依申请办理员（示例）', role: 'case_officer', agency: 'bureau' },
  { username: 'supervisor', displayName: '监督员（示例）', role: 'supervisor', agency: 'office' },
  { username: 'street-admin', displayName: '街道管理员（示例）', role: 'agency_admin', agency: 'street' },
]

const SeedDemoSchema = z.object({
  adminPassword: z
    .string()
    .optional()
    .superRefine((p, ctx) => {
      const problem = p === undefined ? null : passwordProblem(p)
      if (problem) ctx.addIssue({ code: 'custom', message: `GONGKAI_ADMIN_PASSWORD：${problem}` })
    }),
})

function demoCreditCode(serial: number): string {
  const body = `11999900MB${String(serial).padStart(7, '0')}`
  return body + (creditCodeCheckChar(body) ?? '0')
}

/**
 * Seed the demo world if the database has no users. A given admin password is kept as chosen; a generated
 * one must be changed at first login (as every generated first password).
 */
export async function seedDemo(
  db: DB,
  options: { adminPassword?: string | undefined } = {},
): Promise<SeedDemoResult> {
  const { adminPassword } = parseInput(SeedDemoSchema, options)
  if ((await countUsers(db)) > 0) return { created: false, users: [], adminPassword: null }
  const password = adminPassword ?? generatePassword()
  const passwordHash = await hashPassword(password)
  return withTransaction(db, async (trx) => {
    if ((await countUsers(trx)) > 0) return { created: false, users: [], adminPassword: null }
    const now = isoNow()
    const agencies = new Map<string, { id: number; path: string; name: string }>()
    for (const [i, a] of DEMO_AGENCIES.entries()) {
      const parent = a.parent === null ? undefined : agencies.get(a.parent)
      const agency = await insertAgency(
        trx,
        {
          parent_id: parent?.id ?? null,
          name: a.name,
          kind: a.kind,
          credit_code: demoCreditCode(i + 1),
          org_code: null,
          site_code: a.parent === null ? '0000000000' : null,
          site_sponsor: a.parent === null ? a.name : null,
          icp_record: a.parent === null ? '示ICP备00000000号（示例）' : null,
          police_record: null,
          guide_office: `${a.name}政务公开办公室`,
          guide_address: '示例区示例路1号',
          guide_hours: '工作日 上午9:00-12:00，下午13:30-17:00',
          guide_phone: '000-00000000',
          guide_fax: '000-00000001',
          guide_email: 'gongkai@example.org',
          guide_postcode: '000000',
          created_at: now,
          updated_at: now,
        },
        parent?.path ?? '',
      )
      agencies.set(a.key, agency)
    }
    const users: { username: string; role: Role; agencyName: string }[] = []
    for (const u of DEMO_USERS) {
      const agency = agencies.get(u.agency)
      if (!agency) throw new Error(`demo agency ${u.agency} missing`)
      await insertUser(
        trx,
        {
          agency_id: agency.id,
          username: u.username,
          display_name: u.displayName,
          password_hash: passwordHash,
          must_change_password: adminPassword === undefined ? 1 : 0,
          created_at: now,
          updated_at: now,
        },
        [u.role],
      )
      users.push({ username: u.username, role: u.role, agencyName: agency.name })
    }
    await recordAudit(trx, null, {
      action: 'platform.seed_demo',
      targetType: 'platform',
      targetId: null,
      agencyId: agencies.get('office')?.id ?? null,
      after: { agencies: DEMO_AGENCIES.map((a) => a.name), users },
    })
    return { created: true, users, adminPassword: password }
  })
}
