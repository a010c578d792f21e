import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildActor, buildAgencyTree, buildUser } from '../../../test/factories.ts'
import { DomainError } from '../../shared/domain-error.ts'
import { authenticate } from './authenticate.ts'
import { changePassword } from './change-password.ts'
import { createUser } from './create-user.ts'
import { getUser, listUsers } from './list-users.ts'
import { resetPassword } from './reset-password.ts'
import { resolveSession } from './sessions.ts'
import { updateUser } from './update-user.ts'

const errorCode = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  )

describeDb('user operations', () => {
  const t = useTestDb()

  it('createUser returns a generated first password that works once and forces a change', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const { user, firstPassword } = await createUser(t.db, admin, {
      agencyId: mid.id,
      username: 'Zhang.San',
      displayName: '张三',
      roles: ['publisher', 'reviewer', 'publisher'],
    })
    expect(user).toMatchObject({
      username: 'zhang.san',
      roles: ['publisher', 'reviewer'],
      mustChangePassword: true,
    })
    expect(firstPassword).toMatch(/^[A-Za-z0-9]{16}$/)
    const login = await authenticate(t.db, { username: 'zhang.san', password: firstPassword })
    expect(login.actor.mustChangePassword).toBe(true)
    await changePassword(t.db, login.actor, {
      currentPassword: firstPassword,
      newPassword: 'my-own-secret-42',
      keepSessionToken: login.sessionToken,
    })
    expect((await resolveSession(t.db, login.sessionToken))?.mustChangePassword).toBe(false)
  })

  it('createUser refuses a taken username with a conflict naming the field', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const input = { agencyId: mid.id, username: 'li-si', displayName: '李四', roles: ['publisher' as const] }
    await createUser(t.db, admin, input)
    const err = await createUser(t.db, admin, input).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'conflict', fields: { username: '用户名已被使用' } })
  })

  it('an agency administrator cannot grant platform_admin, nor manage a platform administrator', async () => {
    const { mid, leaf } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const grant = createUser(t.db, admin, {
      agencyId: leaf.id,
      username: 'sneaky',
      displayName: '某',
      roles: ['platform_admin'],
    })
    expect(await errorCode(grant)).toBe('forbidden')
    const { user: boss } = await buildUser(t.db, { agency: leaf, roles: ['platform_admin'] })
    expect(await errorCode(resetPassword(t.db, admin, { userId: boss.id }))).toBe('forbidden')
    expect(await errorCode(updateUser(t.db, admin, { id: boss.id, disabled: true }))).toBe('forbidden')
    const { user: clerk } = await buildUser(t.db, { agency: leaf, roles: ['publisher'] })
    expect(await errorCode(updateUser(t.db, admin, { id: clerk.id, roles: ['platform_admin'] }))).toBe(
      'forbidden',
    )
    expect(await errorCode(updateUser(t.db, admin, { id: clerk.id, roles: ['case_officer'] }))).toBe(
      'resolved',
    )
  })

  it('an agency administrator cannot touch users of its superior or of unrelated agencies', async () => {
    const { root, mid, other } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const { user: above } = await buildUser(t.db, { agency: root })
    const { user: elsewhere } = await buildUser(t.db, { agency: other })
    for (const u of [above, elsewhere]) {
      expect(await errorCode(getUser(t.db, admin, u.id))).toBe('forbidden')
      expect(await errorCode(resetPassword(t.db, admin, { userId: u.id }))).toBe('forbidden')
      expect(await errorCode(updateUser(t.db, admin, { id: u.id, displayName: 'x' }))).toBe('forbidden')
    }
    const create = createUser(t.db, admin, {
      agencyId: root.id,
      username: 'up-there',
      displayName: '某',
      roles: ['publisher'],
    })
    expect(await errorCode(create)).toBe('forbidden')
  })

  it('disabling a user ends its sessions and blocks login; an administrator cannot disable itself', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const { user } = await buildUser(t.db, { agency: mid })
    const login = await authenticate(t.db, { username: user.username, password: 'test-password-1' })
    const after = await updateUser(t.db, admin, { id: user.id, disabled: true })
    expect(after.disabled).toBe(true)
    expect(await resolveSession(t.db, login.sessionToken)).toBeNull()
    expect(
      await errorCode(authenticate(t.db, { username: user.username, password: 'test-password-1' })),
    ).toBe('unauthenticated')
    expect(await errorCode(updateUser(t.db, admin, { id: admin.userId, disabled: true }))).toBe(
      'invalid_input',
    )
  })

  it('resetPassword issues a new first password, ends old sessions and the old password stops working', async () => {
    const { mid } = await buildAgencyTree(t.db)
    const admin = await buildActor(t.db, mid, 'agency_admin')
    const { user } = await buildUser(t.db, { agency: mid })
    const old = await authenticate(t.db, { username: user.username, password: 'test-password-1' })
    const { firstPassword } = await resetPassword(t.db, admin, { userId: user.id })
    expect(await resolveSession(t.db, old.sessionToken)).toBeNull()
    expect(
      await errorCode(authenticate(t.db, { username: user.username, password: 'test-password-1' })),
    ).toBe('unauthenticated')
    const fresh = await authenticate(t.db, { username: user.username, password: firstPassword })
    expect(fresh.actor.mustChangePassword).toBe(true)
  })

  it('changePassword needs the current password and a password that follows the rules', async () => {
    const { user, actor } = await buildUser(t.db)
    const wrong = await changePassword(t.db, actor, {
      currentPassword: 'nope',
      newPassword: 'valid-pass-99',
    }).catch((e: unknown) => e)
    expect(wrong).toMatchObject({ code: 'invalid_input', fields: { currentPassword: '当前密码不正确' } })
    const weak = await changePassword(t.db, actor, {
      currentPassword: 'test-password-1',
      newPassword: 'short1',
    }).catch((e: unknown) => e)
    expect(weak).toMatchObject({ code: 'invalid_input' })
    expect((weak as DomainError).fields.newPassword).toMatch(/至少/)
    const withName = changePassword(t.db, actor, {
      currentPassword: 'test-password-1',
      newPassword: `${user.username}-2024`,
    })
    expect(await errorCode(withName)).toBe('invalid_input')
  })

  it('listUsers returns only users in scope, pages them and searches by name', async () => {
    const { root, mid, leaf, other } = await buildAgencyTree(t.db)
    const supervisor = await buildActor(t.db, mid, 'supervisor')
    await buildUser(t.db, { agency: root })
    await buildUser(t.db, { agency: other })
    const { user: below } = await buildUser(t.db, { agency: leaf })
    const page = await listUsers(t.db, supervisor, { pageSize: 1 })
    expect(page.total).toBe(2) // the supervisor and the leaf user
    expect(page.items).toHaveLength(1)
    const all = await listUsers(t.db, supervisor)
    expect(all.items.map((u) => u.agencyId).every((id) => id === mid.id || id === leaf.id)).toBe(true)
    const found = await listUsers(t.db, supervisor, { search: below.displayName })
    expect(found.items.map((u) => u.id)).toEqual([below.id])
    const publisher = await buildActor(t.db, mid, 'publisher')
    expect((await listUsers(t.db, publisher)).items.map((u) => u.id)).toEqual([publisher.userId])
  })
})
