import { expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildAgency } from '../../test/factories.ts'
import { preparedQuery } from './prepared-query.ts'
import { withTransaction } from './transaction.ts'

describeDb('preparedQuery', () => {
  const t = useTestDb()
  const byNameAndKind = preparedQuery((db, name: string, kind: string) =>
    db.selectFrom('agencies').select(['id', 'name']).where('name', '=', name).where('kind', '=', kind),
  )

  it('returns what the builder returns, for new argument values on every call', async () => {
    const a = await buildAgency(t.db, { name: '甲街道', kind: 'street_office' })
    const b = await buildAgency(t.db, { name: '乙街道', kind: 'street_office' })
    expect(await byNameAndKind(t.db, '甲街道', 'street_office')).toEqual([{ id: a.id, name: '甲街道' }])
    expect(await byNameAndKind(t.db, '乙街道', 'street_office')).toEqual([{ id: b.id, name: '乙街道' }])
    expect(await byNameAndKind(t.db, '乙街道', 'department')).toEqual([])
  })

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    await withTransaction(t.db, async (trx) => {
      const c = await buildAgency(trx, { name: '丙街道', kind: 'street_office' })
      expect(await byNameAndKind(trx, '丙街道', 'street_office')).toEqual([{ id: c.id, name: '丙街道' }])
    })
  })

  it('reports a builder that does not bind its argument', async () => {
    const unbound = preparedQuery((db, _name: string) => db.selectFrom('agencies').select('id'))
    await expect(unbound(t.db, 'x')).rejects.toThrow(/argument 0 is not bound/)
  })
})
