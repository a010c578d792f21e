// The work queue page: view tabs (在办, 3个工作日内到期, 已逾期, 待确认, 待补正, 征求意见中, 待缴费, 已办结), "我的"
// and a search box, then one row per case by due date. Lists carry the applicant's name only (identity and
// contact details never appear in a list).
import type { WorkQueuePage } from './applications-surface.ts'
import { CASE_STATUS_LABELS, RECEIPT_CHANNEL_LABELS } from './applications-surface.ts'
import type { CaseStatus, ReceiptChannel } from './applications-surface.ts'

export const QUEUE_VIEWS = [
  ['open', '全部在办'],
  ['due_soon', '3个工作日内到期'],
  ['overdue', '已逾期'],
  ['awaiting_confirmation', '待确认收到'],
  ['awaiting_correction', '待补正'],
  ['in_consultation', '征求意见中'],
  ['awaiting_fee', '待缴费'],
  ['concluded', '已办结'],
] as const

export type QueueView = (typeof QUEUE_VIEWS)[number][0]

export interface QueueFilters {
  readonly view: QueueView
  readonly mine: boolean
  readonly search: string
  readonly page: number
}

/** The queue URL for `filters` (page 1 unless given), for tabs, paging and the export link. */
export function queueUrl(path: string, f: QueueFilters): string {
  const q = new URLSearchParams()
  if (f.view !== 'open') q.set('view', f.view)
  if (f.mine) q.set('officer', 'mine')
  if (f.search !== '') q.set('search', f.search)
  if (f.page > 1) q.set('page', String(f.page))
  const s = q.toString()
  return s === '' ? path : `${path}?${s}`
}

function short(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`
}

export function QueuePage(props: {
  readonly result: WorkQueuePage
  readonly filters: QueueFilters
  readonly mayRegister: boolean
  readonly readOnly: boolean
}) {
  const { result, filters } = props
  const base = '/admin/applications'
  const showAgency = new Set(result.items.map((r) => r.agency_id)).size > 1
  return (
    <>
      <h1>依申请公开办理</h1>
      {props.readOnly ? <p class="muted">监督查看：只读，不能办理案件。</p> : ''}
      <p class="actions">
        {props.mayRegister ? (
          <a class="button" href="/admin/applications/new">
            登记申请（信函、传真、当面、口头）
          </a>
        ) : (
          ''
        )}{' '}
        <a href={queueUrl(`${base}/export.csv`, { ...filters, page: 1 })}>导出当前列表（CSV）</a>
      </p>
      <nav aria-label="办理视图">
        <ul class="tabs">
          {QUEUE_VIEWS.map(([view, label]) => (
            <li>
              <a
                href={queueUrl(base, { ...filters, view, page: 1 })}
                aria-current={view === filters.view ? 'page' : undefined}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={base} class="filters" role="search">
        <input type="hidden" name="view" value={filters.view} />
        <div class="field">
          <label for="q-search">受理编号、申请人或内容</label>
          <input id="q-search" name="search" value={filters.search} maxlength={100} />
        </div>
        <label>
          <input type="checkbox" name="officer" value="mine" checked={filters.mine} /> 只看我承办的
        </label>
        <button type="submit">查询</button>
      </form>
      {result.items.length === 0 ? (
        <p class="muted">没有符合条件的申请。</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              今天是<span safe>{result.today}</span>；“3个工作日内到期”指答复期限在
              <span safe>{result.soonUntil}</span>之前（含当日）
            </caption>
            <thead>
              <tr>
                <th scope="col">受理编号</th>
                <th scope="col">申请人</th>
                <th scope="col">所需信息</th>
                {showAgency ? <th scope="col">受理机关</th> : ''}
                <th scope="col">申请方式</th>
                <th scope="col">状态</th>
                <th scope="col">收到申请日期</th>
                <th scope="col">答复期限</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((r) => (
                <tr>
                  <td>
                    <a href={`${base}/${r.id}`} safe>
                      {r.tracking_code}
                    </a>
                  </td>
                  <td safe>{r.applicant_name}</td>
                  <td safe>{short(r.description, 40)}</td>
                  {showAgency ? <td safe>{r.agency_name}</td> : ''}
                  <td safe>{RECEIPT_CHANNEL_LABELS[r.channel as ReceiptChannel] ?? r.channel}</td>
                  <td safe>{CASE_STATUS_LABELS[r.status as CaseStatus] ?? r.status}</td>
                  <td safe>{r.received_on ?? '待确认'}</td>
                  <td>
                    <span safe>{r.due_date ?? (r.concluded_on ? `已于${r.concluded_on}办结` : '—')}</span>
                    {r.overdue ? (
                      <>
                        {' '}
                        <span class="tag tag-overdue">已逾期</span>
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pagination" aria-label="分页">
        {filters.page > 1 ? <a href={queueUrl(base, { ...filters, page: filters.page - 1 })}>上一页</a> : ''}
        <span>第 {filters.page} 页</span>
        {result.hasMore ? <a href={queueUrl(base, { ...filters, page: filters.page + 1 })}>下一页</a> : ''}
      </nav>
    </>
  )
}
