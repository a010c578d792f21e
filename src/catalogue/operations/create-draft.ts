// 信息发布员 drafts an item in a column of their agency.
import type { Actor } from '../../accounts/index.ts'
import { isSystemActor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { bodyPlainText, sanitizeBodyHtml } from '../body-html.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import { findColumn } from '../column.queries.ts'
import type { Item } from '../item.ts'
import { insertItem } from '../item.queries.ts'
import { CreateDraftSchema, type CreateDraftInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { checkItemFields } from './check-item-fields.ts'
import { agencyTargetOf, auditItem, loadAgency } from './item-context.ts'

export async function createDraft(db: DB, actor: Actor, input: CreateDraftInput): Promise<Item> {
  const data = parseInput(CreateDraftSchema, input)
  return withTransaction(db, async (trx) => {
    const column = await findColumn(trx, data.columnId)
    if (!column) throw new DomainError('not_found', '栏目不存在', { columnId: '栏目不存在' })
    const agency = await loadAgency(trx, column.agencyId)
    authorizeCatalogue(actor, 'catalogue.item.edit', agencyTargetOf(agency))
    await checkItemFields(trx, agency.id, data)
    const bodyHtml = sanitizeBodyHtml(data.bodyHtml ?? '')
    const now = isoNow()
    const item = await insertItem(trx, {
      agency_id: agency.id,
      column_id: column.id,
      status: 'draft',
      index_number: null,
      title: data.title,
      topic_code: data.topicCode ?? null,
      publisher_name: data.publisherName || agency.name,
      written_on: data.writtenOn ?? null,
      published_on: null,
      doc_number: data.docNumber || null,
      validity: data.validity ?? 'valid',
      effective_on: data.effectiveOn ?? null,
      repealed_on: data.repealedOn ?? null,
      keywords: (data.keywords ?? []).join(' '),
      summary: data.summary ?? '',
      body_html: bodyHtml,
      body_text: bodyPlainText(bodyHtml),
      item_type: data.itemType ?? 'ordinary',
      made_on: data.madeOn ?? null,
      published_on_time: null,
      view_count: 0,
      created_by: isSystemActor(actor) ? null : actor.userId,
      created_at: now,
      updated_at: now,
    })
    await auditItem(trx, actor, 'catalogue.item.create', null, item)
    return item
  })
}
