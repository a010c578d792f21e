import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgencyTree } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { createAgency } from './create-agency.ts'
import { createUser } from './create-user.ts'
import { listAuditLog } from './list-audit-log.ts'
import { resetPassword } from './reset-password.ts'
import { updateAgency } from './update-agency.ts'

describeDb('audit log', () => {
  const t = useTestDb()

  it('records every write with actor, agency, target and before/after, and never a password or hash', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const agency = await createAgency(t.db, admin, {
      parentId: mid.id,
      name: '审计测试局',
      kind: 'department',
    })
    await updateAgency(t.db, admin, { id: agency.id, name: '审计测试局（改）' })
    const { user, firstPassword } = await createUser(t.db, admin, {
      agencyId: agency.id,
      username: 'audited',
      displayName: '被审计',
      roles: ['publisher'],
    })
    const { firstPassword: second } = await resetPassword(t.db, admin, { userId: user.id })

    const log = await listAuditLog(t.db, admin, { agencyId: agency.id })
    expect(log.items.map((e) => e.action)).toEqual([
      'user.reset_password',
      'user.create',
      'agency.update',
      'agency.create',
    ])
    expect(log.items.every((e) => e.actorUserId === admin.userId && e.actorUsername === admin.username)).toBe(
      true,
    )
    const update = log.items.find((e) => e.action === 'agency.update')
    expect(update).toMatchObject({
      targetType: 'agency',
      targetId: String(agency.id),
      agencyId: agency.id,
      before: { name: '审计测试局' },
      after: { name: '审计测试局（改）' },
    })
    const raw = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute())
    expect(raw).not.toContain(firstPassword)
    expect(raw).not.toContain(second)
    expect(raw).not.toContain('scrypt$')
  })

  it('shows an agency administrator its subtree only, a platform administrator everything, others nothing', async () => {
    const { root, mid, leaf, other } = await buildAgencyTree(t.db)
    const platform = await buildActor(t.db, root, 'platform_admin')
    for (const parent of [root, mid, leaf, other]) {
      await createAgency(t.db, platform, {
        parentId: parent.id,
        name: `子机构-${parent.name}`,
        kind: 'other',
      })
    }
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const visible = await listAuditLog(t.db, admin, { action: 'agency.create', pageSize: 500 })
    const names = visible.items.map((e) => (e.after as { name: string }).name)
    expect(names.sort()).toEqual([`子机构-${leaf.name}`, `子机构-${mid.name}`].sort())
    const everything = await listAuditLog(t.db, platform, { action: 'agency.create', pageSize: 500 })
    expect(everything.total).toBeGreaterThanOrEqual(4)
    await expect(listAuditLog(t.db, admin, { agencyId: root.id })).rejects.toMatchObject({
      code: 'forbidden',
    })
    for (const role of ['supervisor', 'publisher', 'reviewer', 'case_officer'] as const) {
      const actor = await buildActor(t.db, mid, role)
      await expect(listAuditLog(t.db, actor)).rejects.toBeInstanceOf(DomainError)
    }
  })

  it('filters by actor, action and China-time date range, newest first, paged', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const a1 = await buildActor(t.db, mid, 'agency_admin')
    const a2 = await buildActor(t.db, mid, 'agency_admin')
    await createAgency(t.db, a1, { parentId: mid.id, name: '甲', kind: 'other' })
    await createAgency(t.db, a2, { parentId: mid.id, name: '乙', kind: 'other' })
    await createAgency(t.db, a1, { parentId: mid.id, name: '丙', kind: 'other' })
    const byA1 = await listAuditLog(t.db, a1, { actorId: a1.userId, pageSize: 1 })
    expect(byA1.total).toBe(2)
    expect((byA1.items[0]?.after as { name: string }).name).toBe('丙')
    const page2 = await listAuditLog(t.db, a1, { actorId: a1.userId, pageSize: 1, page: 2 })
    expect((page2.items[0]?.after as { name: string }).name).toBe('甲')
    // Today in Beijing contains everything just written; the day before contains none of it.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const yesterday = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10)
    expect((await listAuditLog(t.db, a1, { actorId: a1.userId, from: today, to: today })).total).toBe(2)
    expect((await listAuditLog(t.db, a1, { actorId: a1.userId, to: yesterday })).total).toBe(0)
    await expect(listAuditLog(t.db, a1, { from: '2026-13-45x' })).rejects.toMatchObject({
      code: 'invalid_input',
    })
  })
})
