// Publish an agency's annual report for a year: the validation gate (refused while an error-severity finding
// stands, unless a 机构管理员 overrides it with a written reason, which goes to the audit log), then an item in
// the agency's 政府信息公开年报 column carrying the report as HTML with the Word and PDF renderings attached, and a
// version row with the tables' JSON and its sha256. A published version is never changed: a correction is a
// new version (and a new item) with a required note of what changed; each item lists the version history.
import { createHash } from 'node:crypto'
import type { Actor } from '../../../accounts/index.ts'
import { recordAudit, systemActor } from '../../../accounts/index.ts'
import { addAttachment, approveItem, createDraft, submitForReview } from '../../../catalogue/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { isoNow, withTransaction } from '../../../storage/index.ts'
import { parseInput } from '../../compute/parse-input.ts'
import { renderDocx, renderHtml, renderJson, renderPdf } from '../../render/index.ts'
import { escapeHtml } from '../../render/escape-html.ts'
import type { DeadlineRules } from '../deadline.ts'
import { authorizePublish, canPublish } from '../publish.policy.ts'
import { PublishReportSchema } from '../report-key.schema.ts'
import type { PublishReportInput } from '../report-key.schema.ts'
import { findAnnualReportColumnId, insertVersion, listVersionRows } from '../report-publish.queries.ts'
import { buildReportView, toReportVersion } from './get-report-builder.ts'
import type { ReportVersion } from './get-report-builder.ts'

export interface PublishOptions {
  /** `<GONGKAI_DATA_DIR>/uploads`, where the Word and PDF attachments are stored. */
  readonly uploadsDir: string
  readonly deadlineRules?: DeadlineRules
  readonly now?: Date
}

/** Where the tables' JSON of a version is downloaded (public once published). */
export function versionJsonPath(agencyId: number, year: number, version: number): string {
  return `/admin/reports/${agencyId}/${year}/v${version}.json`
}

/** The portal page of a year's 图解 (served by web/portal/report-infographic.tsx from the published versions). */
export function infographicPath(agencyId: number, year: number): string {
  return `/zfxxgk/${agencyId}/tujie/${year}.html`
}

/** The published item's body: the report, a link to its 图解, and the version history. */
export function reportItemBodyHtml(
  reportHtml: string,
  agencyId: number,
  year: number,
  versions: Parameters<typeof historyHtml>[2],
): string {
  const infographic = `<p class="report-infographic"><a href="${infographicPath(agencyId, year)}">查看${year}年度报告图解</a>（主要数据、办理结果和历年趋势）</p>`
  return reportHtml + infographic + historyHtml(agencyId, year, versions)
}

function historyHtml(
  agencyId: number,
  year: number,
  versions: readonly {
    version: number
    publishedAt: string
    changeNote: string | null
    contentHash: string
  }[],
): string {
  const lines = versions.map((v) => {
    const note = v.changeNote ? `，更正内容：${v.changeNote}` : ''
    return (
      `<li>第${v.version}版，${escapeHtml(v.publishedAt.slice(0, 10))}发布${escapeHtml(note)}；` +
      `<a href="${versionJsonPath(agencyId, year, v.version)}">表格数据（JSON）</a>，` +
      `SHA-256：<code>${v.contentHash}</code></li>`
    )
  })
  return `<div class="report-versions"><h3>版本记录</h3><ul>${lines.join('')}</ul></div>`
}

export async function publishReport(
  db: DB,
  actor: Actor,
  input: PublishReportInput,
  options: PublishOptions,
): Promise<ReportVersion> {
  const data = parseInput(PublishReportSchema, input)
  const now = options.now ?? new Date()
  const today = isoNow(now).slice(0, 10)
  const view = await buildReportView(db, actor, data, {
    today,
    ...(options.deadlineRules ? { deadlineRules: options.deadlineRules } : {}),
  })
  const target = { agencyId: view.agency.id, agencyPath: view.agency.path }
  authorizePublish(actor, 'annual_report.publish', target)
  const errors = view.findings.filter((f) => f.severity === 'error')
  const reason = data.overrideReason ?? ''
  if (errors.length > 0) {
    if (reason === '') {
      throw new DomainError('conflict', `存在${errors.length}项错误，修正后才能发布`, {
        overrideReason: '如确需发布，须由机构管理员填写书面理由',
      })
    }
    if (!canPublish(actor, 'annual_report.override', target)) {
      throw new DomainError('forbidden', '只有机构管理员可以在存在错误时决定发布')
    }
  }
  const previousVersions = view.versions
  if (previousVersions.length > 0 && (data.changeNote ?? '') === '') {
    throw new DomainError('invalid_input', '已发布的年度报告不能修改，更正须作为新版本发布并说明更正内容', {
      changeNote: '请说明本次更正的内容',
    })
  }
  const columnId = await findAnnualReportColumnId(db, view.agency.id)
  if (columnId === undefined) {
    throw new DomainError('conflict', '本机构没有“政府信息公开年报”栏目，请先在目录中设置')
  }
  const report = view.report
  const version = (previousVersions.at(-1)?.version ?? 0) + 1
  const tablesJson = renderJson(report)
  const contentHash = createHash('sha256').update(tablesJson, 'utf8').digest('hex')
  const [docx, pdf] = await Promise.all([renderDocx(report), renderPdf(report)])
  const history = [
    ...previousVersions,
    { version, publishedAt: isoNow(now), changeNote: data.changeNote ?? null, contentHash },
  ]
  const title = `${report.title ?? `${view.agency.name}${view.year}年政府信息公开工作年度报告`}${version > 1 ? `（第${version}版）` : ''}`
  // The catalogue steps run as the platform on the agency's behalf: the decision (and its audit entry) is
  // the publisher's, and the report was checked above, so there is no separate 保密审查 of generated text.
  const platform = systemActor('年度报告发布')
  return withTransaction(db, async (trx) => {
    // Someone else published meanwhile: this version number is taken (the unique key would refuse it too).
    if ((await listVersionRows(trx, view.agency.id, view.year)).length !== previousVersions.length) {
      throw new DomainError('conflict', '该年度报告刚刚已被发布，请刷新页面后重试')
    }
    const item = await createDraft(trx, platform, {
      columnId,
      title,
      publisherName: view.agency.name,
      writtenOn: today,
      madeOn: today,
      bodyHtml: reportItemBodyHtml(renderHtml(report), view.agency.id, view.year, history),
      summary: `${view.agency.name}${view.year}年政府信息公开工作年度报告（第${version}版）`,
    })
    const stem = `${view.agency.name}${view.year}年政府信息公开工作年度报告`
    await addAttachment(trx, platform, { itemId: item.id, fileName: `${stem}.docx`, bytes: docx }, options)
    await addAttachment(trx, platform, { itemId: item.id, fileName: `${stem}.pdf`, bytes: pdf }, options)
    await submitForReview(trx, platform, { id: item.id })
    await approveItem(trx, platform, { id: item.id }, now)
    const row = await insertVersion(trx, {
      agency_id: view.agency.id,
      year: view.year,
      version,
      item_id: item.id,
      report_json: JSON.stringify(report),
      tables_json: tablesJson,
      content_hash: contentHash,
      change_note: data.changeNote ?? null,
      override_reason: errors.length > 0 ? reason : null,
      error_count: errors.length,
      published_by: actor.userId > 0 ? actor.userId : null,
      published_at: isoNow(now),
    })
    if (errors.length > 0) {
      await recordAudit(
        trx,
        actor,
        {
          action: 'annual_report.publish_override',
          targetType: 'annual_report',
          targetId: `${view.agency.id}/${view.year}/v${version}`,
          agencyId: view.agency.id,
          before: { errors: errors.map((f) => ({ rule: f.rule, message: f.message, cells: f.cells })) },
          after: { reason },
        },
        now,
      )
    }
    await recordAudit(
      trx,
      actor,
      {
        action: 'annual_report.publish',
        targetType: 'annual_report',
        targetId: `${view.agency.id}/${view.year}/v${version}`,
        agencyId: view.agency.id,
        before: null,
        after: {
          version,
          itemId: item.id,
          contentHash,
          changeNote: data.changeNote ?? null,
          overrideReason: errors.length > 0 ? reason : null,
        },
      },
      now,
    )
    return toReportVersion(row)
  }).catch((err: unknown) => {
    throw isUniqueViolation(err)
      ? new DomainError('conflict', '该年度报告刚刚已被发布，请刷新页面后重试')
      : err
  })
}

/** Two publications of the same version raced (PostgreSQL 23505, SQLite UNIQUE constraint). */
function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false
  const { code, message } = err as { code?: unknown; message?: unknown }
  return code === '23505' || (typeof message === 'string' && message.includes('UNIQUE constraint failed'))
}

/** The published versions of an agency's report (oldest first); public data once published. */
export async function listReportVersions(db: DB, agencyId: number, year: number): Promise<ReportVersion[]> {
  return (await listVersionRows(db, agencyId, year)).map(toReportVersion)
}
