// One input row of `gongkai import items` → the console's create input (CreateDraftSchema, the same field
// rules and messages) plus what an imported, already-published item also carries: 发布日期 (required, a
// mandatory catalogue element), an optional 索引号 and the column (per row, or the command's --column).
// JSONL uses the field names of the API; CSV headers may be those names or the Chinese labels below.
import { CreateDraftSchema, findTopic, type TopicCategory } from '../catalogue/index.ts'

/** CSV header labels → field names. */
const LABELS: Readonly<Record<string, string>> = {
  标题: 'title',
  栏目: 'column',
  索引号: 'indexNumber',
  发布日期: 'publishedOn',
  成文日期: 'writtenOn',
  文号: 'docNumber',
  发文字号: 'docNumber',
  主题分类: 'topicCode',
  发布机构: 'publisherName',
  有效性: 'validity',
  实施日期: 'effectiveOn',
  废止日期: 'repealedOn',
  关键词: 'keywords',
  内容概述: 'summary',
  摘要: 'summary',
  正文: 'bodyHtml',
  信息类型: 'itemType',
  形成日期: 'madeOn',
}

const VALIDITY_LABELS: Readonly<Record<string, string>> = {
  有效: 'valid',
  现行有效: 'valid',
  失效: 'expired',
  已失效: 'expired',
  废止: 'repealed',
  已废止: 'repealed',
}

const ITEM_TYPE_LABELS: Readonly<Record<string, string>> = {
  普通信息: 'ordinary',
  规章: 'rule',
  行政规范性文件: 'normative_document',
}

const DATE = CreateDraftSchema.shape.writtenOn
const INDEX_NUMBER = /^[A-Za-z0-9/_.-]{1,60}$/

/** A row that passed every check. */
export interface ValidItemRow {
  readonly columnKey: string
  readonly indexNumber: string | null
  readonly publishedOn: string
  readonly title: string
  readonly topicCode: string | null
  readonly publisherName: string | null
  readonly writtenOn: string | null
  readonly docNumber: string | null
  readonly validity: string
  readonly effectiveOn: string | null
  readonly repealedOn: string | null
  readonly keywords: readonly string[]
  readonly summary: string
  readonly bodyHtml: string
  readonly itemType: string
  readonly madeOn: string | null
}

export type RowCheck = { ok: true; row: ValidItemRow } | { ok: false; reasons: Record<string, string> }

function normalise(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) out[LABELS[key.trim()] ?? key.trim()] = value
  if (typeof out.keywords === 'string')
    {out.keywords = out.keywords.split(/[\s,，;；、]+/).filter((k) => k !== '')}
  if (typeof out.validity === 'string')
    {out.validity = VALIDITY_LABELS[out.validity.trim()] ?? out.validity.trim()}
  if (typeof out.itemType === 'string')
    {out.itemType = ITEM_TYPE_LABELS[out.itemType.trim()] ?? out.itemType.trim()}
  return out
}

/**
 * Check one row. `columnIds` maps a column slug or name to its id (ambiguous names are absent); `defaultColumn`
 * is --column; `topics` is the agency's 主题分类 vocabulary.
 */
export function checkItemRow(
  fields: Readonly<Record<string, unknown>>,
  ctx: {
    readonly columnIds: ReadonlyMap<string, number>
    readonly defaultColumn: string | null
    readonly topics: readonly TopicCategory[]
  },
): RowCheck {
  const input = normalise(fields)
  const reasons: Record<string, string> = {}
  const columnKey = typeof input.column === 'string' ? input.column.trim() : ctx.defaultColumn
  const columnId = columnKey === null ? undefined : ctx.columnIds.get(columnKey)
  if (columnKey === null) reasons.column = '请填写栏目（或用 --column 指定）'
  else if (columnId === undefined) reasons.column = `本机构没有栏目“${columnKey}”`
  const { column: _c, indexNumber: rawIndex, publishedOn: rawPublished, ...rest } = input
  const parsed = CreateDraftSchema.safeParse({ ...rest, columnId: columnId ?? 1 })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reasons[issue.path.join('.') || '_'] ??= issue.message
  }
  const published = DATE.safeParse(rawPublished ?? null)
  if (rawPublished === undefined || rawPublished === null || rawPublished === '') {
    reasons.publishedOn = '请填写发布日期（目录的必备项）'
  } else if (!published.success) reasons.publishedOn = '日期格式应为 YYYY-MM-DD'
  let indexNumber: string | null = null
  if (rawIndex !== undefined && rawIndex !== null && rawIndex !== '') {
    if (typeof rawIndex !== 'string' || !INDEX_NUMBER.test(rawIndex.trim())) {
      reasons.indexNumber = '索引号只能由字母、数字和 / - _ . 组成，最长 60 个字符'
    } else indexNumber = rawIndex.trim()
  }
  if (!parsed.success || Object.keys(reasons).length > 0 || columnKey === null) return { ok: false, reasons }
  const d = parsed.data
  if (d.topicCode != null && !findTopic(ctx.topics, d.topicCode)) {
    reasons.topicCode = '主题分类不在本机构的分类表中'
  }
  if (d.effectiveOn != null && d.repealedOn != null && d.repealedOn < d.effectiveOn) {
    reasons.repealedOn = '废止日期不能早于实施日期'
  }
  if (Object.keys(reasons).length > 0) return { ok: false, reasons }
  return {
    ok: true,
    row: {
      columnKey,
      indexNumber,
      publishedOn: published.data as string,
      title: d.title,
      topicCode: d.topicCode ?? null,
      publisherName: d.publisherName || null,
      writtenOn: d.writtenOn ?? null,
      docNumber: d.docNumber || null,
      validity: d.validity ?? 'valid',
      effectiveOn: d.effectiveOn ?? null,
      repealedOn: d.repealedOn ?? null,
      keywords: d.keywords ?? [],
      summary: d.summary ?? '',
      bodyHtml: d.bodyHtml ?? '',
      itemType: d.itemType ?? 'ordinary',
      madeOn: d.madeOn ?? null,
    },
  }
}
