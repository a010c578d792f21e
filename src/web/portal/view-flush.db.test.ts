// Views are written chunk by chunk (each chunk its own transaction, the event loop free in between), and
// counts that could not be written go back to the counter for the next flush.
import { expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { createTestDb, describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { ViewCounter } from '../../catalogue/index.ts'
import { findItem } from '../../catalogue/item.queries.ts'
import { buildColumn, buildItem } from './portal-test-data.ts'
import { flushViewsInChunks } from './view-flush.ts'

describeDb('view flush in chunks', () => {
  const t = useTestDb()

  it('writes every count across chunks and lets other work run between them', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'vf' })
    const items = []
    for (let i = 0; i < 5; i++) items.push(await buildItem(t.db, column, { viewCount: 100 }))
    const counter = new ViewCounter()
    items.forEach((item, i) => {
      for (let n = 0; n <= i; n++) counter.record(item.id)
    })
    let done = false
    const flushing = flushViewsInChunks(t.db, counter, 2).then((n) => {
      done = true
      return n
    })
    // Queued behind the first chunk: it runs before the flush ends only if the flush yields the loop.
    const ranBeforeTheEnd = new Promise<boolean>((resolve) => setImmediate(() => resolve(!done)))
    expect(await flushing).toBe(1 + 2 + 3 + 4 + 5)
    expect(await ranBeforeTheEnd).toBe(true)
    expect(counter.pending).toBe(0)
    for (const [i, item] of items.entries()) {
      expect((await findItem(t.db, item.id))?.viewCount).toBe(100 + i + 1)
    }
  })

  it('puts the counts of a failed chunk and of every later chunk back', async () => {
    const broken = await createTestDb()
    await broken.destroy()
    const counter = new ViewCounter()
    for (const id of [1, 2, 3, 3, 4]) counter.record(id)
    await expect(flushViewsInChunks(broken.db, counter, 2)).rejects.toThrow()
    expect(counter.pending).toBe(5)
    expect(counter.take()).toEqual(
      new Map([
        [1, 1],
        [2, 1],
        [3, 2],
        [4, 1],
      ]),
    )
  })
})
