// `gongkai migrate`, `gongkai user add|passwd`, `gongkai agency add`: operator commands at the machine. They
// act as the system actor (full rights, audited as `system:cli`) through the same operations as the console.
// Exit status: 0 done, 1 refused by a domain rule (message in Chinese), 2 bad configuration or usage.
import type { Command } from 'commander'
import {
  createAgency,
  createUser,
  isRole,
  listUsers,
  resetPassword,
  ROLE_LABELS,
  ROLES,
  systemActor,
  type Role,
} from '../../accounts/index.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import { connect, migrateToLatest, type DB } from '../../storage/index.ts'

const EXIT_REFUSED = 1
const EXIT_BAD_INPUT = 2
const actor = systemActor('cli')

/** Open the configured database (migrated), run `fn`, close; map errors to messages and exit statuses. */
async function withDatabase(command: string, fn: (db: DB) => Promise<void>, migrate = true): Promise<void> {
  let db: DB | undefined
  try {
    db = await connect(loadConfig(process.env), { migrate })
    await fn(db)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`gongkai ${command}: ${err.message}`)
      process.exitCode = EXIT_BAD_INPUT
    } else if (isDomainError(err)) {
      const fields = Object.entries(err.fields).map(([k, v]) => `\n  ${k}: ${v}`)
      console.error(`gongkai ${command}: ${err.message}${fields.join('')}`)
      process.exitCode = err.code === 'invalid_input' ? EXIT_BAD_INPUT : EXIT_REFUSED
    } else {
      throw err
    }
  } finally {
    await db?.destroy()
  }
}

function collectRole(value: string, previous: Role[]): Role[] {
  if (!isRole(value)) throw new Error(`unknown role "${value}"; one of: ${ROLES.join(', ')}`)
  return [...previous, value]
}

function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('执行数据库迁移 (apply pending database migrations)')
    .action(() =>
      withDatabase(
        'migrate',
        async (db) => {
          const applied = await migrateToLatest(db)
          console.log(
            applied.length === 0 ? '数据库已是最新结构。' : `已执行迁移：\n  ${applied.join('\n  ')}`,
          )
        },
        false,
      ),
    )
}

function registerUser(program: Command): void {
  const user = program.command('user').description('管理用户账号 (user accounts)')
  user
    .command('add')
    .description('创建用户并显示一次性初始密码 (create a user; prints its generated first password)')
    .requiredOption('--agency <id>', 'agency id')
    .requiredOption('--username <name>', 'login name')
    .option('--name <display>', 'display name (default: the username)')
    .requiredOption('--role <role>', `role, repeatable: ${ROLES.join(', ')}`, collectRole, [])
    .action((opts: { agency: string; username: string; name?: string; role: Role[] }) =>
      withDatabase('user add', async (db) => {
        const { user: created, firstPassword } = await createUser(db, actor, {
          agencyId: Number(opts.agency),
          username: opts.username,
          displayName: opts.name ?? opts.username,
          roles: opts.role,
        })
        console.log(
          `已创建用户 ${created.username}（${created.roles.map((r) => ROLE_LABELS[r]).join('、')}，${created.agencyName}）`,
        )
        console.log(`初始密码（仅显示一次，首次登录须修改）：${firstPassword}`)
      }),
    )
  user
    .command('passwd')
    .description('为用户重置密码并显示一次性初始密码 (reset a password; prints the new first password)')
    .argument('<username>')
    .action((username: string) =>
      withDatabase('user passwd', async (db) => {
        const wanted = username.trim().toLowerCase()
        const match = (await listUsers(db, actor, { search: wanted, pageSize: 200 })).items.find(
          (u) => u.username === wanted,
        )
        if (!match) {
          console.error(`gongkai user passwd: 用户 ${username} 不存在`)
          process.exitCode = EXIT_REFUSED
          return
        }
        const { firstPassword } = await resetPassword(db, actor, { userId: match.id })
        console.log(`已重置 ${match.username} 的密码，其现有登录已失效。`)
        console.log(`新初始密码（仅显示一次，登录后须修改）：${firstPassword}`)
      }),
    )
}

function registerAgency(program: Command): void {
  program
    .command('agency')
    .description('管理机构 (agencies)')
    .command('add')
    .description('创建机构 (create an agency)')
    .requiredOption('--name <name>', 'agency name')
    .option('--parent <id>', 'supervising agency id (omit for a root)')
    .option(
      '--kind <kind>',
      'government | general_office | department | township | street_office | other',
      'department',
    )
    .option('--code <code>', '统一社会信用代码 (18 characters) or 组织机构代码 (9 characters)')
    .action((opts: { name: string; parent?: string; kind: string; code?: string }) =>
      withDatabase('agency add', async (db) => {
        const code = opts.code?.trim()
        const isOrgCode = code !== undefined && code.replace('-', '').length === 9
        const agency = await createAgency(db, actor, {
          name: opts.name,
          parentId: opts.parent === undefined ? null : Number(opts.parent),
          kind: opts.kind as 'department',
          creditCode: isOrgCode ? null : code,
          orgCode: isOrgCode ? code : null,
        })
        console.log(`已创建机构 #${agency.id} ${agency.name}（路径 ${agency.path}）`)
      }),
    )
}

export function registerAccountCommands(program: Command): void {
  registerMigrate(program)
  registerUser(program)
  registerAgency(program)
}
