// Catalogue data for the permission matrix (src/web/permission-matrix.db.test.ts): per agency a column, an item
// to read, and pools of items in each workflow state. A workflow step changes the item it acts on, so each
// attempt takes a fresh one: `current` names the item of the next attempt, `advance` (called from the case's
// body builder, once per request) moves on.
import { systemActor, type Agency } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import {
  approveItem,
  createDraft,
  ensureDefaultColumns,
  submitForReview,
  updateCatalogueSettings,
} from './catalogue-operations.ts'

export type PoolState = 'draft' | 'in_review' | 'published'

export interface CatalogueMatrixWorld<W extends string> {
  readonly columnId: Readonly<Record<W, number>>
  /** An item to read (a draft), per agency. */
  readonly itemId: Readonly<Record<W, number>>
  /** The item the next attempt of `pool` acts on. */
  current(pool: string, where: W): number
  /** Move `pool` on to its next item (after a request used the current one). */
  advance(pool: string, where: W): void
}

export async function buildCatalogueMatrixWorld<W extends string>(
  db: DB,
  agencies: Readonly<Record<W, Agency>>,
  pools: Readonly<Record<string, PoolState>>,
  poolSize: number,
): Promise<CatalogueMatrixWorld<W>> {
  const system = systemActor('test')
  const wheres = Object.keys(agencies) as W[]
  const columnId = {} as Record<W, number>
  const itemId = {} as Record<W, number>
  const items = new Map<string, number[]>()
  for (const [i, where] of wheres.entries()) {
    const agency = agencies[where]
    // A 索引号 pattern of its own: other matrix cases rewrite the agency record (and may clear its codes).
    await updateCatalogueSettings(db, system, {
      agencyId: agency.id,
      indexPattern: `M${i}/{year}-{serial:5}`,
    })
    const tree = await ensureDefaultColumns(db, system, agency.id)
    const column = tree[0]?.id ?? 0
    columnId[where] = column
    const make = async (state: PoolState, n: number) => {
      const draft = await createDraft(db, system, {
        columnId: column,
        title: `矩阵信息${n}`,
        madeOn: '2026-11-20',
      })
      if (state !== 'draft') await submitForReview(db, system, { id: draft.id })
      if (state === 'published') await approveItem(db, system, { id: draft.id })
      return draft.id
    }
    itemId[where] = await make('draft', 0)
    for (const [pool, state] of Object.entries(pools)) {
      const ids: number[] = []
      for (let n = 0; n < poolSize; n++) ids.push(await make(state, n))
      items.set(`${pool}/${where}`, ids)
    }
  }
  const next = new Map<string, number>()
  return {
    columnId,
    itemId,
    current: (pool, where) => {
      const ids = items.get(`${pool}/${where}`) ?? []
      return ids[Math.min(next.get(`${pool}/${where}`) ?? 0, ids.length - 1)] ?? 0
    },
    advance: (pool, where) => {
      next.set(`${pool}/${where}`, (next.get(`${pool}/${where}`) ?? 0) + 1)
    },
  }
}
