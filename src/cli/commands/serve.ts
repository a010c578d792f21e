// `gongkai serve [--port N] [--demo]`: load the configuration (flags win over the environment), connect and
// migrate, seed the demo world when asked on an empty database, then serve until SIGTERM/SIGINT.
import type { Command } from 'commander'
import { listAgenciesFlat, seedDemo, systemActor } from '../../accounts/index.ts'
import { ensureDefaultColumns } from '../../catalogue/index.ts'
import { ConfigError, loadConfig, type Config } from '../../config.ts'
import { connect, type DB } from '../../storage/index.ts'
import { startInvalidationBus } from '../../web/cluster/invalidation-bus.ts'
import { portalCache } from '../../web/portal/portal-cache.ts'
import { buildServer } from '../../web/server.ts'
import { isWorker, parseWorkerCount, runWorkers } from './serve-workers.ts'

interface ServeFlags {
  readonly port?: string
  readonly host?: string
  readonly demo?: boolean
  readonly workers?: string
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function printDemoLogin(config: Config, users: readonly { username: string }[], password: string): void {
  const url = `http://localhost:${config.port}/admin`
  console.log(
    [
      '',
      '已创建示例数据（示例区…，均为虚构）。以下登录信息只显示这一次：',
      `  地址   ${url}`,
      `  用户名 admin`,
      `  密码   ${password}`,
      `  其他示例账号（同一密码）：${users
        .map((u) => u.username)
        .filter((u) => u !== 'admin')
        .join(', ')}`,
      '',
    ].join('\n'),
  )
}

/** Connect (migrating) and, with --demo, seed the demo world on an empty database. */
async function openAndSeed(config: Config): Promise<DB> {
  const db = await connect(config)
  if (config.demo) {
    const seeded = await seedDemo(db, { adminPassword: config.adminPassword })
    if (seeded.created) {
      // Each demo agency gets its 政府信息公开 column tree (指南, 制度, 法定主动公开内容, 年报), so its 专栏 is
      // there on the portal from the first start rather than a 404 until an administrator creates it.
      const system = systemActor('demo')
      for (const agency of await listAgenciesFlat(db, system)) await ensureDefaultColumns(db, system, agency.id)
    }
    if (seeded.created && seeded.adminPassword !== null) {
      printDemoLogin(config, seeded.users, seeded.adminPassword)
    }
  }
  return db
}

async function serve(flags: ServeFlags): Promise<void> {
  let config: Config
  try {
    config = loadConfig(process.env, { port: flags.port, host: flags.host, demo: flags.demo })
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    console.error(`gongkai serve: ${err.message}`)
    process.exitCode = 2
    return
  }
  const level = process.env.LOG_LEVEL ?? 'info'
  if (!LOG_LEVELS.includes(level)) {
    console.error(`gongkai serve: Invalid LOG_LEVEL=${level}: must be one of ${LOG_LEVELS.join(', ')}`)
    process.exitCode = 2
    return
  }
  if (flags.workers !== undefined && !isWorker()) {
    const count = parseWorkerCount(flags.workers, config)
    if (typeof count === 'string') {
      console.error(`gongkai serve: ${count}`)
      process.exitCode = 2
      return
    }
    process.exitCode = await runWorkers(count, async () => (await openAndSeed(config)).destroy())
    return
  }
  const db = await openAndSeed(config)
  // The database is closed after app.close(), not in an onClose hook: Fastify runs onClose hooks last-registered
  // first, so a hook registered by buildServer would close it before the view flush and the job runner finish.
  const app = await buildServer({ db, config, logger: { level } })
  if (config.database.engine === 'postgres') {
    // Other processes on this database clear their cached public pages when this one publishes (and back).
    const bus = await startInvalidationBus({ url: config.database.url, db, cache: portalCache, log: app.log })
    app.addHook('onClose', () => bus.stop())
  }
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: no new connections, finishing requests in flight')
    // close() stops accepting, waits for in-flight requests, then runs onClose (views written, jobs finished).
    app
      .close()
      .then(() => db.destroy())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed')
          process.exit(1)
        },
      )
  }
  process.once('SIGTERM', shutdown)
  process.once('SIGINT', shutdown)
  await app.listen({ port: config.port, host: config.host })
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动网站和管理控制台 (start the web server and admin console)')
    .option('--port <n>', 'TCP port (overrides PORT)')
    .option('--host <address>', 'interface to bind (overrides HOST)')
    .option('--demo', 'seed the fictional demo agencies and users on an empty database')
    .option(
      '--workers <n>',
      'processes sharing the port (PostgreSQL only for n > 1); a crashed one is restarted',
    )
    .action(async (flags: ServeFlags) => serve(flags))
}
