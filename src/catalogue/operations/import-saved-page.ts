// `gongkai import pages`: a page saved from another government site becomes a published item of a column,
// keeping what the page printed (索引号, 发布机构, 发布日期, 成文日期, 文号, 主题分类 when it is in the agency's
// vocabulary, 有效性) and its body, sanitised again to the catalogue's subset. The page was already public, so
// there is no 保密审查 here; only the platform may import ('catalogue.item.import').
//
// A 索引号 is permanent and unique: an item already holding the page's number is never overwritten, the
// page is refused (DomainError 'conflict'), so re-running an import is safe.
import { recordAudit } from '../../accounts/index.ts'
import type { Actor } from '../../accounts/index.ts'
import { isSystemActor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { findAgencyRefsByKey, type AgencyRef } from '../agency-ref.queries.ts'
import { bodyPlainText, sanitizeBodyHtml } from '../body-html.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Column } from '../column.ts'
import { findColumnBySlug, listAgencyColumns } from '../column.queries.ts'
import type { SavedPage } from '../import/saved-page.ts'
import type { Item, Validity } from '../item.ts'
import { chinaDayStart } from '../item.ts'
import { insertItem } from '../item.queries.ts'
import { indexPublishedItem } from '../search-sync.ts'
import { indexNumberExists } from '../settings.queries.ts'
import { matchTopicLabel } from '../topic-vocabulary.ts'
import { getCatalogueSettings } from './get-catalogue-settings.ts'
import { agencyTargetOf } from './item-context.ts'
import { newIndexNumber } from './publish-item.ts'

/** Where an imported page goes and where it came from. */
export interface ImportSavedPageInput {
  /** The agency: 统一社会信用代码, 组织机构代码, exact name, or id. */
  readonly agency: string
  /** The column within that agency: its slug or its exact name. */
  readonly column: string
  /** The page as `readSavedPage` read it. */
  readonly page: SavedPage
  /** The file it was read from (kept in the audit entry). */
  readonly source: string
}

/** A page saved as an item, and what could not be kept as printed. */
export interface ImportedPage {
  readonly item: Item
  /** In Chinese, for the operator (e.g. a 主题分类 not in the vocabulary, a 索引号 newly assigned). */
  readonly warnings: readonly string[]
}

const VALIDITY_BY_LABEL: Readonly<Record<string, Validity>> = {
  有效: 'valid',
  现行有效: 'valid',
  失效: 'expired',
  已失效: 'expired',
  废止: 'repealed',
  已废止: 'repealed',
}

function refuse(message: string, field: string): DomainError {
  return new DomainError('invalid_input', message, { [field]: message })
}

async function resolveAgency(db: DB, key: string): Promise<AgencyRef> {
  const found = await findAgencyRefsByKey(db, key.trim())
  const [agency, second] = found
  if (agency === undefined) throw new DomainError('not_found', `机构“${key}”不存在`, { agency: '机构不存在' })
  if (second !== undefined) {
    throw refuse(`有多个机构名为“${key}”，请改用机构代码或编号`, 'agency')
  }
  return agency
}

async function resolveColumn(db: DB, agency: AgencyRef, key: string): Promise<Column> {
  const bySlug = await findColumnBySlug(db, agency.id, key)
  if (bySlug) return bySlug
  const byName = (await listAgencyColumns(db, agency.id)).filter((c) => c.name === key.trim())
  const [column, second] = byName
  if (column === undefined) {
    throw new DomainError('not_found', `${agency.name}没有栏目“${key}”`, { column: '栏目不存在' })
  }
  if (second !== undefined) throw refuse(`${agency.name}有多个栏目名为“${key}”，请改用栏目标识`, 'column')
  return column
}

function validityOf(printed: string | null, warnings: string[]): Validity {
  if (printed === null || printed.trim() === '') return 'valid'
  const validity = VALIDITY_BY_LABEL[printed.trim()]
  if (validity !== undefined) return validity
  warnings.push(`有效性“${printed}”无法识别，记为有效`)
  return 'valid'
}

function keywordsOf(printed: string | null): string {
  return (printed ?? '')
    .split(/[\s,，;；、]+/)
    .filter((k) => k !== '')
    .join(' ')
}

async function topicCodeOf(db: DB, agencyId: number, printed: string | null, warnings: string[]) {
  if (printed === null || printed.trim() === '') return null
  const { topics } = await getCatalogueSettings(db, agencyId)
  const topic = matchTopicLabel(topics, printed)
  if (topic === undefined) warnings.push(`主题分类“${printed}”不在本机构的分类表中，未填写`)
  return topic?.code ?? null
}

/** Save one read page as a published item. @throws DomainError (not_found, invalid_input, conflict, forbidden) */
export async function importSavedPage(db: DB, actor: Actor, input: ImportSavedPageInput): Promise<ImportedPage> {
  const { page } = input
  const title = page.title?.trim() ?? ''
  if (title === '') throw refuse('没有标题，未导入', 'title')
  if (page.bodyText.trim() === '') throw refuse('正文为空，未导入', 'body')
  const publishedOn = page.publishedOn
  if (publishedOn === null) throw refuse('没有发布日期，未导入（发布日期是目录的必备项）', 'publishedOn')
  return withTransaction(db, async (trx) => {
    const agency = await resolveAgency(trx, input.agency)
    authorizeCatalogue(actor, 'catalogue.item.import', agencyTargetOf(agency))
    const column = await resolveColumn(trx, agency, input.column)
    const warnings: string[] = []
    let indexNumber = page.indexNumber?.trim() || null
    if (indexNumber !== null && (await indexNumberExists(trx, indexNumber))) {
      throw new DomainError('conflict', `索引号 ${indexNumber} 已存在，已跳过（不覆盖已有信息）`, {
        indexNumber: '索引号已存在',
      })
    }
    if (indexNumber === null) {
      indexNumber = await newIndexNumber(trx, agency, publishedOn)
      warnings.push(`原页面没有索引号，已按本机构规则编为 ${indexNumber}`)
    }
    const bodyHtml = sanitizeBodyHtml(page.bodyHtml)
    const now = isoNow()
    const item = await insertItem(trx, {
      agency_id: agency.id,
      column_id: column.id,
      status: 'published',
      index_number: indexNumber,
      title: title.slice(0, 300),
      topic_code: await topicCodeOf(trx, agency.id, page.topic, warnings),
      publisher_name: page.publisher?.trim() || agency.name,
      written_on: page.writtenOn,
      published_on: publishedOn,
      doc_number: page.docNumber?.trim() || null,
      validity: validityOf(page.validity, warnings),
      effective_on: null,
      repealed_on: null,
      keywords: keywordsOf(page.keywords),
      summary: page.summary?.trim() ?? '',
      body_html: bodyHtml,
      body_text: bodyPlainText(bodyHtml),
      item_type: 'ordinary',
      // 形成或变更日期 is not printed on pages, so whether the original publication was on time is unknown.
      made_on: null,
      published_on_time: null,
      view_count: 0,
      published_at: chinaDayStart(publishedOn),
      created_by: isSystemActor(actor) ? null : actor.userId,
      created_at: now,
      updated_at: now,
    })
    await indexPublishedItem(trx, item)
    const { bodyText: _derived, ...kept } = item
    await recordAudit(trx, actor, {
      action: 'catalogue.item.import',
      targetType: 'catalogue_item',
      targetId: item.id,
      agencyId: agency.id,
      before: null,
      after: { ...kept, importedFrom: input.source, warnings },
    })
    return { item, warnings }
  })
}
