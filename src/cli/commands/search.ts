// `gongkai search reorder`: rewrite PostgreSQL's search table in time order (after importing older documents),
// which keeps searches fast; `gongkai search order` only reports how far the stored order follows time.
// Exit status: 0 done (or nothing to do on SQLite), 2 bad configuration.
import type { Command } from 'commander'
import { ConfigError, loadConfig } from '../../config.ts'
import { reorderSearchDocuments, searchDocumentsOrder } from '../../search/index.ts'
import { connect } from '../../storage/index.ts'

/** Correlation as printed: two decimals, or 无统计 before statistics exist. */
function shown(correlation: number | null): string {
  return correlation === null ? '无统计' : correlation.toFixed(2)
}

/** Below this correlation `search order` recommends a reorder. */
const WELL_ORDERED = 0.9

async function withDatabase(run: (db: Awaited<ReturnType<typeof connect>>) => Promise<void>): Promise<void> {
  const config = loadConfig(process.env)
  // The rewrite takes minutes at a million documents: no statement timeout for this connection.
  const db = await connect(config, config.database.engine === 'postgres' ? { queryTimeoutMs: 0 } : {})
  try {
    await run(db)
  } finally {
    await db.destroy()
  }
}

async function reorder(): Promise<void> {
  await withDatabase(async (db) => {
    const started = performance.now()
    const result = await reorderSearchDocuments(db)
    if (!result.needed) {
      console.log('SQLite 的检索索引始终按发布时间排列，无需重排。')
      return
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(
      `检索表已按发布时间重排：顺序相关度 ${shown(result.before)} → ${shown(result.after)}，用时 ${seconds} 秒`,
    )
  })
}

async function order(): Promise<void> {
  await withDatabase(async (db) => {
    const correlation = await searchDocumentsOrder(db)
    if (correlation === null) {
      console.log('顺序相关度：无统计（SQLite 无需重排；PostgreSQL 在 ANALYZE 之后才有统计）')
      return
    }
    const advice = correlation < WELL_ORDERED ? '，建议空闲时运行 gongkai search reorder' : ''
    console.log(`检索表顺序相关度 ${shown(correlation)}（1 为完全按发布时间排列）${advice}`)
  })
}

function guarded(action: () => Promise<void>): () => Promise<void> {
  return async () => {
    try {
      await action()
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err
      console.error(`gongkai search: ${err.message}`)
      process.exitCode = 2
    }
  }
}

export function registerSearchCommands(program: Command): void {
  const command = program.command('search').description('全文检索索引 (search index maintenance)')
  command
    .command('reorder')
    .description(
      'PostgreSQL：按发布时间重写检索表，导入早年信息后运行；运行期间检索等待 (rewrite the search table in time order)',
    )
    .action(guarded(reorder))
  command
    .command('order')
    .description('检索表存储顺序与发布时间的相关度 (how far the stored order follows time)')
    .action(guarded(order))
}
