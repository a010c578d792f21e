// `gongkai import pages FILE|DIR… --agency X --column Y [--dry-run] [--json]`: reads pages saved from other
// government sites (HTML, or text copied from the browser like the seed sample), reports per file what it
// found, and saves each readable page as an item of the column.
// Exit status: 0 every page read (and saved), 1 a page unusable (no title or no body) or refused when saving,
// 2 bad usage (a path that does not exist, no page files, bad configuration).
import { readFile, readdir, stat } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Command } from 'commander'
import { systemActor } from '../../accounts/index.ts'
import { importSavedPage } from '../../catalogue/index.ts'
import { readSavedPage, type SavedPage } from '../../catalogue/import/index.ts'
import { ConfigError, loadConfig } from '../../config.ts'
import { isDomainError } from '../../shared/domain-error.ts'
import { connect, type DB } from '../../storage/index.ts'
import { invalidatePortal } from '../../web/portal/portal-cache.ts'
import { registerBulkImportCommands } from './bulk-import.ts'

interface ImportFlags {
  agency: string
  column: string
  dryRun?: boolean
  json?: boolean
}

/** Where the pages go, as the operator named them on the command line. */
export interface ImportTarget {
  /** --agency: the agency's code or name. */
  agency: string
  /** --column: the column's slug or name within that agency. */
  column: string
}

/** What saving one page did. */
export type SaveOutcome =
  | { saved: true; itemId: number; indexNumber: string | null; warnings: readonly string[] }
  | { saved: false; reason: string }

const EXIT_UNUSABLE = 1
const EXIT_BAD_INPUT = 2
const PAGE_FILE = /\.(s?html?|txt)$/i

const IMPORTER = systemActor('cli')

class ImportInputError extends Error {}

/**
 * Saves one read page as a published item of the target column through the catalogue's `importSavedPage`
 * (audited as `catalogue.item.import` by `system:cli`; a 索引号 already present is refused, never overwritten),
 * then makes the agency's cached portal pages stale in this process. A server running in another process sees
 * the item once its cached pages expire (ENTRY_TTL_MS): there is no cross-process invalidation yet.
 */
export async function saveImportedPage(
  db: DB,
  target: ImportTarget,
  page: SavedPage,
  source: string,
): Promise<SaveOutcome> {
  const { item, warnings } = await importSavedPage(db, IMPORTER, { ...target, page, source })
  invalidatePortal(item.agencyId)
  return { saved: true, itemId: item.id, indexNumber: item.indexNumber, warnings }
}

/** The page files named on the command line: files as given, directories searched for .html/.htm/.shtml/.txt. */
async function pageFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => null)
    if (info === null) throw new ImportInputError(`${path}: 文件或目录不存在`)
    if (info.isDirectory()) {
      const entries = await readdir(path, { recursive: true })
      files.push(
        ...entries
          .filter((e) => PAGE_FILE.test(e))
          .sort()
          .map((e) => join(path, e)),
      )
    } else {
      files.push(path)
    }
  }
  if (files.length === 0) throw new ImportInputError('没有找到网页或文本文件（.html、.htm、.shtml、.txt）')
  return files
}

/** Why a page cannot become an item, or null. */
function unusable(page: SavedPage): string | null {
  if (page.title === null) return '没有标题，未导入'
  if (page.bodyText.trim() === '') return '正文为空，未导入'
  return null
}

function field(label: string, value: string | number | null): string {
  return `  ${label}：${value ?? '—'}`
}

function pageSummary(file: string, page: SavedPage, outcome: string): string {
  const tables = page.bodyHtml.match(/<table[\s>]/g)?.length ?? 0
  const chars = page.bodyText.replace(/\s/g, '').length
  return [
    relative(process.cwd(), file) || file,
    field('标题', page.title),
    field('索引号', page.indexNumber),
    field('发布机构', page.publisher),
    field('成文日期', page.writtenOn),
    field('发布日期', page.publishedOn),
    field('文号', page.docNumber),
    field('主题分类', page.topic),
    field('有效性', page.validity),
    field('浏览次数', page.viewCount),
    `  正文：${chars}字${tables > 0 ? `，${tables}个表格` : ''}`,
    ...page.problems.map((p) => `  问题：${p}`),
    `  结果：${outcome}`,
  ].join('\n')
}

async function importPages(paths: string[], flags: ImportFlags): Promise<void> {
  const target: ImportTarget = { agency: flags.agency, column: flags.column }
  const files = await pageFiles(paths)
  const db = flags.dryRun === true ? null : await connect(loadConfig(process.env), { migrate: true })
  let exitCode = 0
  const results: {
    file: string
    outcome: SaveOutcome | { saved: false; reason: string }
    page: SavedPage
  }[] = []
  try {
    for (const file of files) {
      const page = readSavedPage(await readFile(file), file)
      const refusal = unusable(page)
      let outcome: SaveOutcome
      if (refusal !== null) outcome = { saved: false, reason: refusal }
      else if (db === null) outcome = { saved: false, reason: '试运行（--dry-run），未保存' }
      else outcome = await saveOrRefuse(db, target, page, file)
      if (refusal !== null || (db !== null && !outcome.saved)) exitCode = EXIT_UNUSABLE
      results.push({ file, outcome, page })
      if (flags.json !== true) {
        const text = outcome.saved
          ? [`已导入（信息 ${outcome.itemId}，索引号 ${outcome.indexNumber ?? '—'}）`, ...outcome.warnings].join('；')
          : `跳过：${outcome.reason}`
        console.log(`${pageSummary(file, page, text)}\n`)
      }
    }
  } finally {
    await db?.destroy()
  }
  if (flags.json === true) console.log(JSON.stringify(results, null, 2))
  else console.log(summaryLine(results.map((r) => r.outcome)))
  process.exitCode = exitCode
}

/** The closing line: how many imported, how many skipped and why (reasons grouped). */
function summaryLine(outcomes: readonly SaveOutcome[]): string {
  const imported = outcomes.filter((o) => o.saved).length
  const reasons = new Map<string, number>()
  for (const o of outcomes) if (!o.saved) reasons.set(o.reason, (reasons.get(o.reason) ?? 0) + 1)
  const skipped = outcomes.length - imported
  const why = [...reasons].map(([reason, n]) => `  ${n} 个：${reason}`)
  return [`共 ${outcomes.length} 个文件，已导入 ${imported} 个，跳过 ${skipped} 个`, ...why].join('\n')
}

/** A domain refusal (duplicate 索引号, unknown column …) is that file's outcome, not the end of the run. */
async function saveOrRefuse(
  db: DB,
  target: ImportTarget,
  page: SavedPage,
  file: string,
): Promise<SaveOutcome> {
  try {
    return await saveImportedPage(db, target, page, file)
  } catch (err) {
    if (!isDomainError(err)) throw err
    const fields = Object.values(err.fields)
    return { saved: false, reason: [err.message, ...fields].join('；') }
  }
}

export function registerImportCommands(program: Command): void {
  const command = program
    .command('import')
    .description('导入其他网站的内容 (import content from other sites)')
  registerBulkImportCommands(command)
  command
    .command('pages')
    .description('导入保存的政府信息公开网页（HTML 或文本）为栏目中的信息 (import saved pages as items)')
    .argument('<paths...>', '网页或文本文件，或包含它们的目录')
    .requiredOption('--agency <agency>', '导入到的机构（代码或名称）')
    .requiredOption('--column <column>', '导入到的栏目（标识或名称）')
    .option('--dry-run', '只读取并报告，不保存')
    .option('--json', '以 JSON 输出每个文件读取到的内容')
    .action(async (paths: string[], flags: ImportFlags) => {
      try {
        await importPages(paths, flags)
      } catch (err) {
        if (!(err instanceof ImportInputError) && !(err instanceof ConfigError)) throw err
        console.error(`gongkai import: ${err.message}`)
        process.exitCode = EXIT_BAD_INPUT
      }
    })
}
