// `gongkai catalogue publish-due`: publish every scheduled item whose time has come, as the server does every
// minute (for an installation that runs it from cron, or to catch up at once). Each item is claimed, so this
// and a running server never publish an item twice. A server in another process shows the item once its
// cached pages expire (ENTRY_TTL_MS).
// Exit status: 0 all due items published (or none due), 1 an item could not be published, 2 bad configuration.
import type { Command } from 'commander'
import { ConfigError, loadConfig } from '../../config.ts'
import { connect } from '../../storage/index.ts'
import { runScheduledPublish } from '../../web/portal/scheduled-publish.ts'

async function publishDue(flags: { json?: boolean }): Promise<void> {
  const db = await connect(loadConfig(process.env), { migrate: true })
  try {
    const run = await runScheduledPublish(db)
    if (flags.json === true) {
      const published = run.published.map((i) => ({ id: i.id, indexNumber: i.indexNumber, title: i.title }))
      console.log(JSON.stringify({ published, failed: run.failed }, null, 2))
    } else {
      for (const item of run.published)
        {console.log(`已发布：信息 ${item.id}（${item.indexNumber ?? '—'}）${item.title}`)}
      for (const f of run.failed) console.log(`未能发布：信息 ${f.id}：${f.message}`)
      console.log(`到期的定时发布：已发布 ${run.published.length} 条，失败 ${run.failed.length} 条`)
    }
    process.exitCode = run.failed.length > 0 ? 1 : 0
  } finally {
    await db.destroy()
  }
}

export function registerCatalogueCommands(program: Command): void {
  const command = program.command('catalogue').description('主动公开目录 (catalogue)')
  command
    .command('publish-due')
    .description('发布到期的定时发布信息 (publish scheduled items whose time has come)')
    .option('--json', '以 JSON 输出结果')
    .action(async (flags: { json?: boolean }) => {
      try {
        await publishDue(flags)
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err
        console.error(`gongkai catalogue: ${err.message}`)
        process.exitCode = 2
      }
    })
}
