import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildAgency } from '../../test/factories.ts'
import { createAgency } from '../accounts/operations/create-agency.ts'
import { systemActor } from '../accounts/user.ts'
import { withTransaction } from './transaction.ts'

describeDb('withTransaction', () => {
  const t = useTestDb()
  const names = async () => (await t.db.selectFrom('agencies').select('name').execute()).map((r) => r.name)

  it('commits on success and rolls everything back on an error', async () => {
    await withTransaction(t.db, (trx) => buildAgency(trx, { name: '留下' }))
    await expect(
      withTransaction(t.db, async (trx) => {
        await buildAgency(trx, { name: '回滚' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await names()).toContain('留下')
    expect(await names()).not.toContain('回滚')
  })

  it('lets an operation join the caller transaction, so a later failure undoes its write and its audit entry', async () => {
    const auditBefore = (await t.db.selectFrom('audit_log').select('id').execute()).length
    await expect(
      withTransaction(t.db, async (trx) => {
        await createAgency(trx, systemActor('test'), { name: '外层事务中创建', kind: 'other' })
        throw new Error('later step failed')
      }),
    ).rejects.toThrow('later step failed')
    expect(await names()).not.toContain('外层事务中创建')
    expect((await t.db.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore)
  })
})
