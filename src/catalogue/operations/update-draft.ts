// 信息发布员 edits a draft or a returned item (only the given fields change).
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { bodyPlainText, sanitizeBodyHtml } from '../body-html.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import { findColumn } from '../column.queries.ts'
import type { Item } from '../item.ts'
import type { CatalogueItemRowUpdate } from '../item.table.ts'
import { updateItemIfStatus } from '../item.queries.ts'
import { UpdateDraftSchema, type UpdateDraftInput } from '../item.schema.ts'
import { parseInput } from '../parse-input.ts'
import { isEditable } from '../status.ts'
import { ITEM_STATUS_LABELS } from '../item.ts'
import { checkItemFields } from './check-item-fields.ts'
import { agencyTargetOf, auditItem, loadItem, staleItem } from './item-context.ts'

type Update = ReturnType<typeof UpdateDraftSchema.parse>

function toRowUpdate(data: Update): CatalogueItemRowUpdate {
  const patch: CatalogueItemRowUpdate = {}
  if (data.columnId !== undefined) patch.column_id = data.columnId
  if (data.title !== undefined) patch.title = data.title
  if (data.topicCode !== undefined) patch.topic_code = data.topicCode
  if (data.publisherName != null && data.publisherName !== '') patch.publisher_name = data.publisherName
  if (data.writtenOn !== undefined) patch.written_on = data.writtenOn
  if (data.docNumber !== undefined) patch.doc_number = data.docNumber || null
  if (data.validity !== undefined) patch.validity = data.validity
  if (data.effectiveOn !== undefined) patch.effective_on = data.effectiveOn
  if (data.repealedOn !== undefined) patch.repealed_on = data.repealedOn
  if (data.keywords !== undefined) patch.keywords = data.keywords.join(' ')
  if (data.summary !== undefined) patch.summary = data.summary
  if (data.itemType !== undefined) patch.item_type = data.itemType
  if (data.madeOn !== undefined) patch.made_on = data.madeOn
  if (data.bodyHtml !== undefined) {
    patch.body_html = sanitizeBodyHtml(data.bodyHtml)
    patch.body_text = bodyPlainText(patch.body_html)
  }
  return patch
}

export async function updateDraft(db: DB, actor: Actor, input: UpdateDraftInput): Promise<Item> {
  const data = parseInput(UpdateDraftSchema, input)
  return withTransaction(db, async (trx) => {
    const { item: before, agency } = await loadItem(trx, data.id)
    authorizeCatalogue(actor, 'catalogue.item.edit', agencyTargetOf(agency))
    if (!isEditable(before.status)) {
      throw new DomainError('conflict', `信息当前状态为“${ITEM_STATUS_LABELS[before.status]}”，不能修改`)
    }
    if (data.columnId !== undefined && data.columnId !== before.columnId) {
      const column = await findColumn(trx, data.columnId)
      if (column?.agencyId !== agency.id) {
        throw new DomainError('invalid_input', '只能移到本机构的栏目', { columnId: '栏目不存在' })
      }
    }
    await checkItemFields(trx, agency.id, {
      topicCode: data.topicCode,
      effectiveOn: data.effectiveOn === undefined ? before.effectiveOn : data.effectiveOn,
      repealedOn: data.repealedOn === undefined ? before.repealedOn : data.repealedOn,
    })
    const after = await updateItemIfStatus(trx, before.id, ['draft', 'returned'], {
      ...toRowUpdate(data),
      updated_at: isoNow(),
    })
    if (!after) throw staleItem()
    await auditItem(trx, actor, 'catalogue.item.update', before, after)
    return after
  })
}
