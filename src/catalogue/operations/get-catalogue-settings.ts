// An agency's catalogue settings: its 索引号 pattern and 主题分类 vocabulary (the national defaults unless set).
import type { DB } from '../../storage/index.ts'
import { DEFAULT_INDEX_PATTERN } from '../index-number.ts'
import { findSettingsRow } from '../settings.queries.ts'
import { DEFAULT_TOPICS, type TopicCategory } from '../topic-vocabulary.ts'

export interface CatalogueSettings {
  readonly agencyId: number
  /** 索引号 pattern in force. */
  readonly indexPattern: string
  /** True when the agency uses the national default pattern. */
  readonly isDefaultIndexPattern: boolean
  /** 主题分类 vocabulary in force. */
  readonly topics: readonly TopicCategory[]
  readonly isDefaultTopics: boolean
}

export async function getCatalogueSettings(db: DB, agencyId: number): Promise<CatalogueSettings> {
  const row = await findSettingsRow(db, agencyId)
  const pattern = row?.index_pattern ?? null
  const topicsJson = row?.topics_json ?? null
  return {
    agencyId,
    indexPattern: pattern ?? DEFAULT_INDEX_PATTERN,
    isDefaultIndexPattern: pattern === null,
    topics: topicsJson === null ? DEFAULT_TOPICS : (JSON.parse(topicsJson) as TopicCategory[]),
    isDefaultTopics: topicsJson === null,
  }
}
