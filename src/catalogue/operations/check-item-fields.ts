// Checks of item metadata that need the agency's settings or relate fields to each other.
import { DomainError } from '../../shared/domain-error.ts'
import type { DB } from '../../storage/index.ts'
import type { IsoDate } from '../../calendar/index.ts'
import { findTopic } from '../topic-vocabulary.ts'
import { getCatalogueSettings } from './get-catalogue-settings.ts'

export async function checkItemFields(
  db: DB,
  agencyId: number,
  fields: {
    readonly topicCode?: string | null | undefined
    readonly effectiveOn?: IsoDate | null | undefined
    readonly repealedOn?: IsoDate | null | undefined
  },
): Promise<void> {
  if (fields.topicCode != null) {
    const { topics } = await getCatalogueSettings(db, agencyId)
    if (!findTopic(topics, fields.topicCode)) {
      throw new DomainError('invalid_input', '主题分类不在本机构的分类表中', {
        topicCode: '请选择有效的主题分类',
      })
    }
  }
  if (fields.effectiveOn != null && fields.repealedOn != null && fields.repealedOn < fields.effectiveOn) {
    throw new DomainError('invalid_input', '废止日期不能早于实施日期', {
      repealedOn: '废止日期不能早于实施日期',
    })
  }
}
