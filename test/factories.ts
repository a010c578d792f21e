// Test data builders: each creates what it needs (an agency for a user…) unless given, Outline-style.
// They insert directly (no policy, no audit) so tests set up quickly; behaviour is tested through operations.
import { insertAgency } from '../src/accounts/agency.queries.ts'
import { actorFor } from '../src/accounts/operations/sessions.ts'
import { hashPassword } from '../src/accounts/password-hash.ts'
import { insertUser } from '../src/accounts/user.queries.ts'
import type { Actor, Agency, AgencyKind, Role, User } from '../src/accounts/index.ts'
import type { DB } from '../src/storage/index.ts'
import { insertColumn } from '../src/catalogue/column.queries.ts'
import type { Column as CatalogueColumn } from '../src/catalogue/index.ts'
import { isoNow } from '../src/storage/index.ts'

/** The password every factory-built user has. */
export const TEST_PASSWORD = 'test-password-1'
// Cheap scrypt parameters for test users only: the hash format carries them, so verification works unchanged.
let testHash: Promise<string> | undefined
function testPasswordHash(): Promise<string> {
  testHash ??= hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 })
  return testHash
}

let serial = 0
function nextSerial(): number {
  serial += 1
  return serial
}

export interface AgencyOverrides {
  readonly parent?: Agency | null
  readonly name?: string
  readonly kind?: AgencyKind
  readonly creditCode?: string | null
}

/** An agency row's optional details, all unset: no site identity (网站标识码, 备案), no 公开指南 contacts. */
export const NO_AGENCY_DETAILS = {
  org_code: null,
  site_code: null,
  site_sponsor: null,
  icp_record: null,
  police_record: null,
  guide_office: null,
  guide_address: null,
  guide_hours: null,
  guide_phone: null,
  guide_fax: null,
  guide_email: null,
  guide_postcode: null,
} as const

export async function buildAgency(db: DB, overrides: AgencyOverrides = {}): Promise<Agency> {
  const now = isoNow()
  const parent = overrides.parent ?? null
  return insertAgency(
    db,
    {
      parent_id: parent?.id ?? null,
      name: overrides.name ?? `测试机构${nextSerial()}`,
      kind: overrides.kind ?? 'department',
      credit_code: overrides.creditCode ?? null,
      ...NO_AGENCY_DETAILS,
      created_at: now,
      updated_at: now,
    },
    parent?.path ?? '',
  )
}

export interface UserOverrides {
  readonly agency?: Agency
  readonly roles?: readonly Role[]
  readonly username?: string
  readonly mustChangePassword?: boolean
}

/** A user (password TEST_PASSWORD) and the actor it logs in as. */
export async function buildUser(
  db: DB,
  overrides: UserOverrides = {},
): Promise<{ user: User; actor: Actor }> {
  const agency = overrides.agency ?? (await buildAgency(db))
  const now = isoNow()
  const n = nextSerial()
  const user = await insertUser(
    db,
    {
      agency_id: agency.id,
      username: overrides.username ?? `user${n}-${process.pid}`,
      display_name: `测试用户${n}`,
      password_hash: await testPasswordHash(),
      must_change_password: overrides.mustChangePassword ? 1 : 0,
      created_at: now,
      updated_at: now,
    },
    overrides.roles ?? ['publisher'],
  )
  return { user, actor: actorFor(user) }
}

/** An actor with the given roles in the given agency (a fresh user). */
export async function buildActor(db: DB, agency: Agency, ...roles: Role[]): Promise<Actor> {
  return (await buildUser(db, { agency, roles })).actor
}

/**
 * A small tree for scoping tests: root → mid → leaf, and an unrelated root `other`.
 */
export async function buildAgencyTree(
  db: DB,
): Promise<{ root: Agency; mid: Agency; leaf: Agency; other: Agency }> {
  const root = await buildAgency(db, { name: '上级机构', kind: 'general_office' })
  const mid = await buildAgency(db, { parent: root, name: '本级机构' })
  const leaf = await buildAgency(db, { parent: mid, name: '下级机构', kind: 'street_office' })
  const other = await buildAgency(db, { name: '无关机构' })
  return { root, mid, leaf, other }
}

// ── Catalogue ─────────────────────────────────────────────────────────────────────────────────────────
// A credit code with a valid check character (GB 32100-2015), for agencies that must generate 索引号.
export const TEST_CREDIT_CODE = '11620502MB1958744E'

export interface ColumnOverrides {
  readonly agency?: Agency
  readonly name?: string
  readonly slug?: string
  readonly parentId?: number | null
}

/** A custom column (inserted directly, no audit). */
export async function buildColumn(db: DB, overrides: ColumnOverrides = {}): Promise<CatalogueColumn> {
  const agency = overrides.agency ?? (await buildAgency(db, { creditCode: TEST_CREDIT_CODE }))
  const n = nextSerial()
  const now = isoNow()
  return insertColumn(db, {
    agency_id: agency.id,
    parent_id: overrides.parentId ?? null,
    name: overrides.name ?? `测试栏目${n}`,
    slug: overrides.slug ?? `column-${n}`,
    kind: 'custom',
    position: n,
    created_at: now,
    updated_at: now,
  })
}

/**
 * An agency (with a credit code) with one column, a 信息发布员 and a 保密审查员: what a workflow test needs.
 */
export async function buildCatalogueDesk(
  db: DB,
  overrides: { readonly parent?: Agency | null; readonly name?: string } = {},
): Promise<{ agency: Agency; column: CatalogueColumn; publisher: Actor; reviewer: Actor }> {
  const agency = await buildAgency(db, { ...overrides, creditCode: TEST_CREDIT_CODE })
  const column = await buildColumn(db, { agency })
  return {
    agency,
    column,
    publisher: await buildActor(db, agency, 'publisher'),
    reviewer: await buildActor(db, agency, 'reviewer'),
  }
}

// ── Applications (依申请公开) ────────────────────────────────────────────────────────────────────────────
import type { ClockEvent, OnlineApplicationInput } from '../src/applications/index.ts'
import { createCase } from '../src/applications/operations/create-case.ts'

/** Valid online-form input for `agencyId` (a real-checksum resident ID, a mobile phone). */
export function applicationInput(
  agencyId: number,
  overrides: Partial<OnlineApplicationInput> = {},
): OnlineApplicationInput {
  return {
    agencyId,
    applicantType: 'natural_person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    email: 'zhangsan@example.cn',
    address: '北京市东城区示例路1号',
    postcode: '100010',
    description: '2025年本区老旧小区改造项目的资金使用情况',
    documentRef: null,
    formWanted: 'electronic',
    deliveryMethod: 'email',
    ...overrides,
  }
}

/** A case inserted directly with the given events (no policy, no audit), for list and tracking tests. */
export async function buildApplication(
  db: DB,
  agency: Agency,
  events: readonly ClockEvent[] = [{ type: 'received', on: '2026-03-02', channel: 'in_person' }],
  overrides: { officerId?: number | null; phone?: string; name?: string } = {},
): Promise<{ id: number; trackingCode: string }> {
  const first = events[0]
  return createCase(
    db,
    {
      agencyId: agency.id,
      channel: first?.type === 'received' ? first.channel : 'in_person',
      description: `测试申请${nextSerial()}`,
      documentRef: null,
      formWanted: 'paper',
      deliveryMethod: 'post',
      intakeNote: null,
      idempotencyKey: null,
      officerId: overrides.officerId ?? null,
      createdBy: null,
      applicant: {
        type: 'natural_person',
        orgSubtype: null,
        name: overrides.name ?? '李四',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        contactName: null,
        phone: overrides.phone ?? '13900139000',
        email: null,
        address: '北京市西城区示例街2号',
        postcode: null,
      },
      events,
      attachments: [],
    },
    isoNow(),
    {},
  )
}
