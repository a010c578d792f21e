import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { ROLES } from '../role.ts'
import { authenticate } from './authenticate.ts'
import { listAgencies } from './list-agencies.ts'
import { listUsers } from './list-users.ts'
import { seedDemo } from './seed-demo.ts'

describeDb('seedDemo', () => {
  const t = useTestDb()

  it('refuses an admin password that breaks the rules, before writing anything', async () => {
    await expect(seedDemo(t.db, { adminPassword: 'short' })).rejects.toMatchObject({ code: 'invalid_input' })
    expect(await t.db.selectFrom('agencies').select('id').execute()).toEqual([])
  })

  it('creates the fictional 示例区 tree with one user per role, all logging in with the admin password', async () => {
    const result = await seedDemo(t.db, { adminPassword: 'demo-admin-2024' })
    expect(result.created).toBe(true)
    expect(result.adminPassword).toBe('demo-admin-2024')
    expect(new Set(result.users.map((u) => u.role))).toEqual(new Set(ROLES))
    const { actor } = await authenticate(t.db, { username: 'admin', password: 'demo-admin-2024' })
    expect(actor.roles).toEqual(['platform_admin'])
    expect(actor.mustChangePassword).toBe(false)
    const [root] = await listAgencies(t.db, actor)
    expect(root?.name).toBe('示例区人民政府办公室')
    expect(root?.children.map((c) => c.name)).toEqual([
      '示例区某某街道办事处',
      '示例区某某局',
      '示例区某某镇人民政府',
    ])
    expect([root, ...(root?.children ?? [])].every((a) => a?.name.startsWith('示例区'))).toBe(true)
    const { total } = await listUsers(t.db, actor)
    expect(total).toBe(result.users.length)
    const publisher = await authenticate(t.db, { username: 'publisher', password: 'demo-admin-2024' })
    expect(publisher.actor.agencyName).toBe('示例区某某局')
  })

  it('does nothing on a database that already has users', async () => {
    expect(await seedDemo(t.db)).toEqual({ created: false, users: [], adminPassword: null })
  })
})

describeDb('seedDemo without a given password', () => {
  const t = useTestDb()

  it('generates an admin password that must be changed at first login', async () => {
    const result = await seedDemo(t.db)
    expect(result.adminPassword).toMatch(/^[A-Za-z0-9]{16}$/)
    const { actor } = await authenticate(t.db, { username: 'admin', password: result.adminPassword ?? '' })
    expect(actor.mustChangePassword).toBe(true)
  })
})
