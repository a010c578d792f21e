// 信息发布员 attaches a file to an editable item. The type is checked from the content (a disguised file is
// refused), the size against the limit; the file is stored under <GONGKAI_DATA_DIR>/uploads.
import type { Actor } from '../../accounts/index.ts'
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import { isoNow, withTransaction } from '../../storage/index.ts'
import { storeUpload } from '../attachment-store.ts'
import { ATTACHMENT_MEDIA_TYPES, checkAttachment } from '../attachment-type.ts'
import { authorizeCatalogue } from '../catalogue.policy.ts'
import type { Attachment } from '../item.ts'
import { ITEM_STATUS_LABELS } from '../item.ts'
import { insertAttachment, nextAttachmentPosition } from '../item.queries.ts'
import { isEditable } from '../status.ts'
import { agencyTargetOf, loadItem } from './item-context.ts'
import { recordAudit } from '../../accounts/index.ts'

export interface AddAttachmentInput {
  readonly itemId: number
  /** The name as uploaded; only its extension is interpreted. */
  readonly fileName: string
  readonly bytes: Uint8Array
}

export interface AttachmentStorageOptions {
  /** `<GONGKAI_DATA_DIR>/uploads` (see `uploadsDirOf`). */
  readonly uploadsDir: string
  /** Size limit in bytes (default 50 MiB). */
  readonly maxBytes?: number
}

function cleanFileName(name: string): string {
  // Keep the base name only, without control or path characters; it is shown to readers and sent in headers.
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim()
  return base.slice(-200) || 'attachment'
}

export async function addAttachment(
  db: DB,
  actor: Actor,
  input: AddAttachmentInput,
  options: AttachmentStorageOptions,
): Promise<Attachment> {
  const fileName = cleanFileName(input.fileName)
  const format = checkAttachment({
    fileName,
    bytes: input.bytes,
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
  })
  // Authorise before writing anything to disk.
  const { item, agency } = await loadItem(db, input.itemId)
  authorizeCatalogue(actor, 'catalogue.item.edit', agencyTargetOf(agency))
  const stored = await storeUpload(options.uploadsDir, input.bytes, format)
  return withTransaction(db, async (trx) => {
    const { item: current } = await loadItem(trx, item.id)
    if (!isEditable(current.status)) {
      throw new DomainError('conflict', `信息当前状态为“${ITEM_STATUS_LABELS[current.status]}”，不能添加附件`)
    }
    const attachment = await insertAttachment(trx, {
      item_id: current.id,
      file_name: fileName,
      media_type: ATTACHMENT_MEDIA_TYPES[format],
      size_bytes: input.bytes.length,
      storage_key: stored.storageKey,
      sha256: stored.sha256,
      position: await nextAttachmentPosition(trx, current.id),
      created_at: isoNow(),
    })
    await recordAudit(trx, actor, {
      action: 'catalogue.attachment.add',
      targetType: 'catalogue_item',
      targetId: current.id,
      agencyId: current.agencyId,
      after: attachment,
    })
    return attachment
  })
}
