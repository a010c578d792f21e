// The catalogue metadata block of an item page, laid out as government sites do: label/value pairs two to a
// row (索引号 主题分类 / 发布机构 成文日期 / 发布日期 文号 / 有效性 浏览次数), then the 标题 across the row.
import type { Item } from '../../catalogue/item.ts'
import { VALIDITY_LABELS } from '../../catalogue/item.ts'

export interface MetadataEntry {
  readonly label: string
  readonly value: string
}

/** The metadata in display order (also what the Word/PDF downloads print). */
export function itemMetadata(item: Item, topicLabel: string): MetadataEntry[] {
  return [
    { label: '索引号', value: item.indexNumber ?? '' },
    { label: '主题分类', value: topicLabel },
    { label: '发布机构', value: item.publisherName },
    { label: '成文日期', value: item.writtenOn ?? '' },
    { label: '发布日期', value: item.publishedOn ?? '' },
    { label: '文号', value: item.docNumber ?? '' },
    { label: '有效性', value: VALIDITY_LABELS[item.validity] },
  ]
}

function Pair({ entry }: { entry: MetadataEntry | undefined }) {
  if (entry === undefined) return <td colspan="2"></td>
  return (
    <>
      <th scope="row" safe>
        {entry.label}
      </th>
      <td safe>{entry.value}</td>
    </>
  )
}

export function MetadataTable({ item, entries }: { item: Item; entries: readonly MetadataEntry[] }) {
  const cells: (MetadataEntry | undefined)[] = [
    ...entries,
    { label: '浏览次数', value: String(item.viewCount) },
  ]
  const rows: (MetadataEntry | undefined)[][] = []
  for (let i = 0; i < cells.length; i += 2) rows.push([cells[i], cells[i + 1]])
  return (
    <table class="metadata">
      <caption class="visually-hidden">信息元数据</caption>
      <tbody>
        {rows.map(([a, b]) => (
          <tr>
            <Pair entry={a} />
            <Pair entry={b} />
          </tr>
        ))}
        <tr>
          <th scope="row">标题</th>
          <td colspan="3" safe>
            {item.title}
          </td>
        </tr>
      </tbody>
    </table>
  )
}
