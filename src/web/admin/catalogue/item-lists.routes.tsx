// /admin/catalogue/items (信息列表, filtered by status, column, year, 主题分类 and words of 标题/文号/索引号, paged), /admin/catalogue/review (保密审查 queue)
// and /admin/catalogue/deadlines (即将到期与逾期 under 条例 第二十六条). The catalogue decides which agencies'
// items a user sees (监督员: the subtree, read only); lists name the agency when more than one is in reach.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { listAgenciesFlat, type Actor } from '../../../accounts/index.ts'
import type { DB } from '../../../storage/index.ts'
import { SelectField, TextField } from '../../shared/form-fields.tsx'
import { Pagination } from '../../shared/pagination.tsx'
import { actorOf, requireActor, sendConsolePage } from '../console-page.tsx'
import { getColumnTree, listDeadlineWatch, listItems, standingOf, topicsOf } from './catalogue-operations.ts'
import {
  ITEM_STATUS_LABELS,
  ITEM_STATUSES,
  canCatalogue,
  type ColumnNode,
  type DeadlineStanding,
  type ItemSummary,
  type TopicCategory,
} from './catalogue-surface.ts'
import { columnOptions } from './column-tree.tsx'
import { ItemTable, type ItemRow } from './item-table.tsx'

const PAGE_SIZE = 20

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v)
const ListQuery = z.object({
  status: z.enum(ITEM_STATUSES).optional().catch(undefined),
  columnId: z.coerce.number().int().positive().optional().catch(undefined),
  year: z
    .preprocess(blankToUndefined, z.coerce.number().int().min(1990).max(2100).optional())
    .catch(undefined),
  topic: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[0-9A-Za-z.]{1,20}$/)
        .optional(),
    )
    .catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** Full-width space: indents second-level topics in the select. */
const INDENT = '\u3000'

function topicFilterOptions(topics: readonly TopicCategory[]) {
  return [
    { value: '', label: '全部分类' },
    ...topics.flatMap((t) => [
      { value: t.code, label: t.name },
      ...(t.children ?? []).map((c) => ({ value: c.code, label: `${INDENT}${c.name}` })),
    ]),
  ]
}

/** This year and the ten before it (China Standard Time). */
function yearOptions(now = new Date()) {
  const current = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4))
  return [
    { value: '', label: '全部年度' },
    ...Array.from({ length: 11 }, (_, i) => ({ value: String(current - i), label: `${current - i}年` })),
  ]
}

function addColumnNames(names: Map<number, string>, nodes: readonly ColumnNode[]): void {
  for (const n of nodes) {
    names.set(n.id, n.name)
    addColumnNames(names, n.children)
  }
}

/** Table rows for items of possibly several agencies: column and agency names, deadline standing. */
async function rowsOf(
  db: DB,
  actor: Actor,
  entries: readonly { item: ItemSummary; standing: DeadlineStanding | null }[],
): Promise<ItemRow[]> {
  const agencyIds = [...new Set(entries.map((e) => e.item.agencyId))]
  const columnNames = new Map<number, string>()
  for (const id of agencyIds) addColumnNames(columnNames, await getColumnTree(db, id))
  const several = agencyIds.length > 1 || agencyIds.some((id) => id !== actor.agencyId)
  const agencyNames = several
    ? new Map((await listAgenciesFlat(db, actor)).map((a) => [a.id, a.name]))
    : new Map<number, string>()
  return entries.map(({ item, standing }) => ({
    item,
    columnName: columnNames.get(item.columnId) ?? '',
    agencyName: several ? (agencyNames.get(item.agencyId) ?? '') : undefined,
    standing,
  }))
}

async function listPage(db: DB, request: FastifyRequest, reply: FastifyReply, review: boolean) {
  const actor = actorOf(request)
  const query = ListQuery.parse(request.query)
  const status = review ? 'in_review' : query.status
  const result = await listItems(db, actor, {
    ...(status === undefined ? {} : { statuses: [status] }),
    ...(query.columnId === undefined ? {} : { columnId: query.columnId }),
    ...(query.year === undefined ? {} : { year: query.year }),
    ...(query.topic === undefined ? {} : { topicCode: query.topic }),
    ...(query.q === undefined ? {} : { text: query.q }),
    page: query.page,
    pageSize: PAGE_SIZE,
  })
  const rows = await rowsOf(
    db,
    actor,
    result.items.map((item) => ({ item, standing: standingOf(item) })),
  )
  const [ownTree, topics] = await Promise.all([
    getColumnTree(db, actor.agencyId),
    topicsOf(db, actor.agencyId),
  ])
  const title = review ? '保密审查' : '信息列表'
  const path = review ? '/admin/catalogue/review' : '/admin/catalogue/items'
  const own = { agencyId: actor.agencyId, agencyPath: actor.agencyPath }
  const mayDraft = canCatalogue(actor, 'catalogue.item.edit', own)
  const body = (
    <>
      <h1>{review ? '保密审查' : '信息列表'}</h1>
      {review ? <p class="hint">以下信息已提交保密审查，等待审查通过发布或退回修改。</p> : ''}
      {!review && mayDraft ? (
        <p>
          <a class="button" href="/admin/catalogue/items/new">
            新建信息
          </a>
        </p>
      ) : (
        ''
      )}
      <form method="get" action={path} class="filters panel" role="search" aria-label="筛选信息">
        {review ? (
          ''
        ) : (
          <SelectField
            name="status"
            label="状态"
            options={[
              { value: '', label: '全部' },
              ...ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] })),
            ]}
            value={query.status ?? ''}
          />
        )}
        <SelectField
          name="columnId"
          label="栏目"
          options={[{ value: '', label: '全部栏目' }, ...columnOptions(ownTree)]}
          value={query.columnId === undefined ? '' : String(query.columnId)}
        />
        <SelectField
          name="year"
          label="年度"
          options={yearOptions()}
          value={query.year === undefined ? '' : String(query.year)}
        />
        <SelectField
          name="topic"
          label="主题分类"
          options={topicFilterOptions(topics)}
          value={query.topic ?? ''}
        />
        <TextField name="q" label="标题、文号或索引号" value={query.q ?? ''} maxlength={100} />
        <div>
          <button type="submit">筛选</button>
        </div>
      </form>
      <p class="muted" role="status" safe>{`共 ${result.total} 条`}</p>
      <ItemTable rows={rows} caption={title} />
      <Pagination page={query.page} pageSize={PAGE_SIZE} total={result.total} baseUrl={request.url} />
    </>
  )
  return sendConsolePage(request, reply, { title, body })
}

async function deadlinesPage(db: DB, request: FastifyRequest, reply: FastifyReply) {
  const actor = actorOf(request)
  const watch = await listDeadlineWatch(db, actor)
  const [late, dueSoon, unknown] = await Promise.all([
    rowsOf(db, actor, watch.late),
    rowsOf(db, actor, watch.dueSoon),
    rowsOf(db, actor, watch.unknown),
  ])
  const body = (
    <>
      <h1>即将到期与逾期</h1>
      <p class="hint">
        依照《中华人民共和国政府信息公开条例》第二十六条，属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起
        20 个工作日内及时公开。以下为尚未发布、已填写形成或变更日期的信息。
      </p>
      <h2>已逾期</h2>
      <ItemTable rows={late} caption="已逾期的信息" />
      <h2>即将到期（3 个工作日内）</h2>
      <ItemTable rows={dueSoon} caption="即将到期的信息" />
      <h2>无法计算期限</h2>
      <p class="hint">所涉年份的法定节假日安排尚未公布（或未由管理员补录），期限无法确定，请人工核对。</p>
      <ItemTable rows={unknown} caption="无法计算期限的信息" />
    </>
  )
  return sendConsolePage(request, reply, { title: '即将到期与逾期', body })
}

export function registerItemListRoutes(app: FastifyInstance, db: DB): void {
  app.get('/catalogue/items', { preHandler: requireActor }, (request, reply) =>
    listPage(db, request, reply, false),
  )
  app.get('/catalogue/review', { preHandler: requireActor }, (request, reply) =>
    listPage(db, request, reply, true),
  )
  app.get('/catalogue/deadlines', { preHandler: requireActor }, (request, reply) =>
    deadlinesPage(db, request, reply),
  )
}
