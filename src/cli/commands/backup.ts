// `gongkai backup OUT` and `gongkai restore IN [--force | --check]`: the database (SQLite online backup, or pg_dump of
// the schema in DATABASE_URL) and the uploaded files, with a manifest of versions, checksums and the
// migration level. Exit status: 0 done, 1 refused or failed (damaged backup, non-empty target), 2 bad usage.
import type { Command } from 'commander'
import { ConfigError, loadConfig, type Config } from '../../config.ts'
import { createBackup, restoreBackup } from '../../ops/index.ts'

const EXIT_FAILED = 1
const EXIT_BAD_INPUT = 2

function configOrExit(command: string): Config | undefined {
  try {
    return loadConfig(process.env)
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    console.error(`gongkai ${command}: ${err.message}`)
    process.exitCode = EXIT_BAD_INPUT
    return undefined
  }
}

const step = (message: string) => console.error(message)

async function backup(out: string): Promise<void> {
  const config = configOrExit('backup')
  if (config === undefined) return
  const started = Date.now()
  try {
    const { manifest } = await createBackup(config, out, step)
    const bytes = manifest.files.reduce((n, f) => n + f.bytes, manifest.database.bytes)
    console.log(
      `备份完成：${out}（数据库 ${manifest.versions.engine}，迁移 ${manifest.migrations.at(-1) ?? '无'}，` +
        `文件 ${manifest.files.length} 个，共 ${(bytes / 1024 / 1024).toFixed(1)} MB，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    )
  } catch (err) {
    console.error(`gongkai backup: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = EXIT_FAILED
  }
}

interface RestoreFlags {
  readonly force?: boolean
  readonly check?: boolean
}

async function restore(input: string, flags: RestoreFlags): Promise<void> {
  const config = configOrExit('restore')
  if (config === undefined) return
  try {
    const { manifest, migrated } = await restoreBackup(config, input, {
      force: flags.force === true,
      checkOnly: flags.check === true,
      onStep: step,
    })
    if (flags.check === true) {
      console.log(
        `备份完好：${input}（备份于 ${manifest.createdAt}，迁移 ${manifest.migrations.at(-1) ?? '无'}，文件 ${manifest.files.length} 个，均与校验值一致）`,
      )
      return
    }
    console.log(
      `恢复完成：${input}（备份于 ${manifest.createdAt}，文件 ${manifest.files.length} 个` +
        `${migrated.length > 0 ? `，已升级 ${migrated.length} 项数据库结构` : ''}）`,
    )
  } catch (err) {
    console.error(`gongkai restore: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = EXIT_FAILED
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      '备份数据库和上传的文件 (back up the database and uploaded files to a directory, .tar or .tgz)',
    )
    .argument('<out>', 'a new directory, or a file ending in .tar or .tgz')
    .action(async (out: string) => backup(out))
  program
    .command('restore')
    .description('从备份恢复 (restore a backup; stop the service first)')
    .argument('<in>', 'a backup directory, .tar or .tgz')
    .option('--force', 'replace a database or uploads directory that already holds data')
    .option('--check', 'only verify the backup (manifest and every checksum); change nothing')
    .action(async (input: string, flags: RestoreFlags) => restore(input, flags))
}
