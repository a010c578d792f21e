// The console's item list: title (link to the item), column, status, 文号, 索引号, dates and the
// 20-working-day standing of unpublished items.
import type { ItemSummary, DeadlineStanding } from './catalogue-surface.ts'
import { DeadlineTag, StatusTag } from './item-status.tsx'

export interface ItemRow {
  readonly item: ItemSummary
  readonly columnName: string
  readonly agencyName?: string | undefined
  readonly standing: DeadlineStanding | null
}

export function ItemTable({
  rows,
  caption,
}: {
  readonly rows: readonly ItemRow[]
  readonly caption: string
}) {
  if (rows.length === 0) return <p class="muted">没有符合条件的信息。</p>
  const showAgency = rows.some((r) => r.agencyName !== undefined)
  return (
    <div class="table-wrap">
      <table>
        <caption safe>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">标题</th>
            {showAgency ? <th scope="col">机构</th> : ''}
            <th scope="col">栏目</th>
            <th scope="col">状态</th>
            <th scope="col">文号</th>
            <th scope="col">索引号</th>
            <th scope="col">发布日期</th>
            <th scope="col">公开时限</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ item, columnName, agencyName, standing }) => (
            <tr>
              <td>
                <a href={`/admin/catalogue/items/${item.id}`} safe>
                  {item.title}
                </a>
              </td>
              {showAgency ? <td safe>{agencyName ?? ''}</td> : ''}
              <td safe>{columnName}</td>
              <td>
                <StatusTag status={item.status} />
              </td>
              <td safe>{item.docNumber ?? ''}</td>
              <td safe>{item.indexNumber ?? ''}</td>
              <td safe>{item.publishedOn ?? ''}</td>
              <td>
                {item.publishedOnTime === null ? (
                  <DeadlineTag standing={standing} />
                ) : item.publishedOnTime ? (
                  '按时公开'
                ) : (
                  '逾期公开'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
