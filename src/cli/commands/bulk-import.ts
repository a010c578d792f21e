// `gongkai import items FILE.(jsonl|csv) --agency X [--column Y] [--batch N]`: bulk import with progress on
// stderr, rejected rows in FILE.rejected.jsonl, resumable (re-run the same command after Ctrl-C or a kill).
// Exit status: 0 every row imported, 1 some rows rejected (or stopped by Ctrl-C), 2 bad usage.
import type { Command } from 'commander'
import { systemActor } from '../../accounts/index.ts'
import { importApplications, importItems, ProgressLine } from '../../bulk-import/index.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import { connect } from '../../storage/index.ts'

interface ItemsFlags {
  agency: string
  column?: string
  batch?: string
}

const IMPORTER = systemActor('cli')

async function runImport(kind: 'items' | 'applications', file: string, flags: ItemsFlags): Promise<void> {
  const batchSize = flags.batch === undefined ? (kind === 'items' ? 1000 : 500) : Number(flags.batch)
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    console.error(`gongkai import ${kind}: --batch 应为 1 到 10000 之间的整数`)
    process.exitCode = 2
    return
  }
  const db = await connect(loadConfig(process.env), { migrate: true })
  let stop = false
  const onSigint = (): void => {
    if (stop) process.exit(130)
    stop = true
    process.stderr.write('\n正在提交当前批次后停止（再按一次 Ctrl-C 立即退出；重新运行同一命令可继续）\n')
  }
  process.on('SIGINT', onSigint)
  const progress = new ProgressLine(process.stderr)
  try {
    const common = {
      file,
      agency: flags.agency,
      batchSize,
      onProgress: (p: Parameters<ProgressLine['update']>[0]) => progress.update(p),
      shouldStop: () => stop,
    }
    const result =
      kind === 'items'
        ? await importItems(db, IMPORTER, { ...common, column: flags.column ?? null })
        : await importApplications(db, IMPORTER, common)
    progress.end()
    if (result.alreadyComplete) {
      console.log(
        `该文件已全部导入过（已导入 ${result.totalImported} 行，拒绝 ${result.totalRejected} 行），未重复导入`,
      )
      return
    }
    console.log(
      `${result.resumed ? '续传' : '导入'}${result.stopped ? '已中断' : '完成'}：本次导入 ${result.imported} 行，拒绝 ${result.rejected} 行；` +
        `累计导入 ${result.totalImported} 行，拒绝 ${result.totalRejected} 行（编码 ${result.encoding}）`,
    )
    if (result.totalRejected > 0) console.log(`被拒绝的行及原因见 ${result.rejectedFile}`)
    process.exitCode = result.stopped || result.rejected > 0 ? 1 : 0
  } catch (err) {
    progress.end()
    if (!isDomainError(err)) throw err
    console.error(
      `gongkai import items: ${[err.message, ...Object.values(err.fields)].filter((v, i, a) => a.indexOf(v) === i).join('；')}`,
    )
    process.exitCode = 2
  } finally {
    process.off('SIGINT', onSigint)
    await db.destroy()
  }
}

/** Adds `items` and `applications` under `gongkai import`. */
export function registerBulkImportCommands(importCommand: Command): void {
  importCommand
    .command('applications')
    .description('批量登记依申请公开申请（JSONL 或 CSV，可中断后续传）(bulk import applications)')
    .argument('<file>', '.jsonl 或 .csv 文件（字段同申请登记：申请人、所需信息、申请方式、收到日期等）')
    .requiredOption('--agency <agency>', '受理机关（代码、名称或编号）')
    .option('--batch <n>', '每个事务的行数（默认 500）')
    .action(async (file: string, flags: ItemsFlags) => {
      try {
        await runImport('applications', file, flags)
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err
        console.error(`gongkai import applications: ${err.message}`)
        process.exitCode = 2
      }
    })
  importCommand
    .command('items')
    .description('批量导入政府信息（JSONL 或 CSV，可中断后续传）(bulk import items)')
    .argument('<file>', '.jsonl 或 .csv 文件（UTF-8，可带 BOM；GBK 自动识别）')
    .requiredOption('--agency <agency>', '导入到的机构（代码、名称或编号）')
    .option('--column <column>', '未写栏目的行导入到此栏目（标识或名称）')
    .option('--batch <n>', '每个事务的行数（默认 1000）')
    .action(async (file: string, flags: ItemsFlags) => {
      try {
        await runImport('items', file, flags)
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err
        console.error(`gongkai import items: ${err.message}`)
        process.exitCode = 2
      }
    })
}
