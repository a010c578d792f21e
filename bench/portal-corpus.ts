// The portal bench's corpus: N published items over 1,000 agencies (10 columns each, the default tree shape),
// written directly through Kysely in multi-row inserts of 1,000 rows, 20 inserts per transaction, with
// progress. Ids are explicit so a page URL is the same on every run and on both engines. A database that
// already holds the corpus is reused (the item count is the marker).
import { sql } from 'kysely'
import type { DB } from '../src/storage/index.ts'
import { corpusItemRow, countyAgencyRow, writeCorpus } from './support.ts'

export const AGENCIES = 1_000

/** The columns of every agency: [slug, name, kind, parent index]. Items go to every column but the parent. */
const COLUMNS: readonly (readonly [string, string, string, number | null])[] = [
  ['gkzn', '政府信息公开指南', 'guide', null],
  ['gkzd', '政府信息公开制度', 'system', null],
  ['fdzdgknr', '法定主动公开内容', 'statutory', null],
  ['jgzn', '机构职能', 'custom', 2],
  ['zcwj', '政策文件', 'custom', 2],
  ['ghjh', '规划计划', 'custom', 2],
  ['tjxx', '统计信息', 'custom', 2],
  ['xzxk', '行政许可', 'custom', 2],
  ['czyjs', '财政预决算', 'custom', 2],
  ['gknb', '政府信息公开年报', 'annual_report', null],
]
const ITEM_COLUMNS = [0, 1, 3, 4, 5, 6, 7, 8, 9]
const BATCH = 1_000
const BATCHES_PER_TRANSACTION = 20

export function columnId(agencyId: number, index: number): number {
  return (agencyId - 1) * COLUMNS.length + index + 1
}

export function columnSlug(index: number): string {
  return COLUMNS[index]?.[0] ?? ''
}

const PHRASES = [
  '为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，',
  '进一步规范行政审批行为，提高政务服务效能，',
  '根据《中华人民共和国政府信息公开条例》有关规定，',
  '结合本地实际，制定本办法。',
  '各乡镇人民政府、县直各部门要高度重视，加强组织领导，',
  '认真抓好贯彻落实，确保各项工作任务按期完成。',
  '本通知自印发之日起施行，有效期五年。',
  '联系电话：0938-1234567。',
]

function bodyOf(n: number): { html: string; text: string } {
  const paragraphs: string[] = []
  for (let p = 0; p < 4; p++) {
    let s = ''
    for (let k = 0; k < 3; k++) s += PHRASES[(n + p * 3 + k) % PHRASES.length] ?? ''
    paragraphs.push(s)
  }
  return { html: paragraphs.map((p) => `<p>${p}</p>`).join(''), text: paragraphs.join('\n') }
}

function itemRow(id: number, total: number) {
  const agencyId = ((id - 1) % AGENCIES) + 1
  const perAgency = Math.floor((id - 1) / AGENCIES)
  const columnIndex = ITEM_COLUMNS[perAgency % ITEM_COLUMNS.length] ?? 0
  const body = bodyOf(id)
  return corpusItemRow(id, total, (publishedOn) => ({
    agency_id: agencyId,
    column_id: columnId(agencyId, columnIndex),
    index_number: `BENCH${String(agencyId).padStart(4, '0')}/${publishedOn.slice(0, 4)}-${String(id).padStart(7, '0')}`,
    title: `关于印发第${id}号示例工作方案的通知`,
    topic_code: '02.01',
    publisher_name: `示例机构${agencyId}办公室`,
    doc_number: `示政办发〔${publishedOn.slice(0, 4)}〕${perAgency + 1}号`,
    summary: '示例工作方案',
    body_html: body.html,
    body_text: body.text,
    made_on: null,
    published_on_time: null,
  }))
}

function agencyRow(id: number, now: string) {
  return countyAgencyRow(id, now, {
    site_code: `62050${String(id).padStart(5, '0')}`,
    site_sponsor: `示例县${id}人民政府办公室`,
    icp_record: `陇ICP备${String(10000000 + id)}号`,
    police_record: `甘公网安备 620502020${String(id).padStart(5, '0')}号`,
  })
}

function columnRows(agencyId: number, now: string) {
  return COLUMNS.map(([slug, name, kind, parent], index) => ({
    id: columnId(agencyId, index),
    agency_id: agencyId,
    parent_id: parent === null ? null : columnId(agencyId, parent),
    name,
    slug,
    kind,
    position: index,
    created_at: now,
    updated_at: now,
  }))
}

/** Make the corpus unless the database already holds it; prints progress. */
export async function ensureCorpus(db: DB, total: number, engine: string): Promise<void> {
  const { n } = await db
    .selectFrom('catalogue_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(n) === total) {
    console.log(`corpus: reusing ${total.toLocaleString()} items on ${engine}`)
    return
  }
  if (Number(n) !== 0) throw new Error(`the bench database holds ${n} items, not ${total}: delete it first`)
  const started = Date.now()
  await writeCorpus(db, engine, total, {
    agencies: AGENCIES,
    agency: agencyRow,
    columns: columnRows,
    columnsInAll: AGENCIES * COLUMNS.length,
    item: itemRow,
    itemsPerInsert: BATCH,
    insertsPerTransaction: BATCHES_PER_TRANSACTION,
    progressEvery: 50_000,
  })
  await sql`analyze`.execute(db)
  console.log(`corpus: done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
