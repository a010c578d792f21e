// 主题分类: a configurable two-level vocabulary. The default is the common national list used by
// 国务院 document pages (gov.cn) and most local disclosure sites. Observed values "综合政务\政务公开",
// "商贸、海关、旅游", "民政、乡村振兴、救灾" and "卫生、体育\医药管理" are in it (format-and-law.md §8.3);
// the rest of the tree was compiled from public sites and is [unverified] against an official list, which is
// why an agency may replace it (catalogue_settings.topics_json).
import { z } from 'zod'

/** One category; second-level categories have no children. */
export interface TopicCategory {
  /** Stable code stored on items: `NN` for the first level, `NN.MM` for the second. */
  readonly code: string
  readonly name: string
  readonly children?: readonly TopicCategory[]
}

/** A resolved topic: its code and its display label (`综合政务\政务公开`). */
export interface TopicLabel {
  readonly code: string
  readonly label: string
}

function tree(rows: readonly (readonly [string, readonly string[]])[]): TopicCategory[] {
  return rows.map(([name, children], i) => {
    const code = String(i + 1).padStart(2, '0')
    return {
      code,
      name,
      children: children.map((child, j) => ({
        code: `${code}.${String(j + 1).padStart(2, '0')}`,
        name: child,
      })),
    }
  })
}

/** The default 主题分类 (22 first-level categories). Codes are positional and must never be renumbered. */
export const DEFAULT_TOPICS: readonly TopicCategory[] = tree([
  ['国务院组织机构', []],
  ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '信访', '文秘工作', '其他']],
  [
    '国民经济管理、国有资产监管',
    [
      '宏观经济',
      '经济体制改革',
      '国民经济发展规划、计划',
      '节能与资源综合利用',
      '国有资产监管',
      '物价',
      '统计',
      '其他',
    ],
  ],
  ['财政、金融、审计', ['财政', '税务', '金融', '审计', '保险', '证券', '其他']],
  ['自然资源、能源', ['土地', '矿产', '海洋', '测绘', '能源', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  ['工业、交通', ['工业', '交通', '信息产业（含电信）', '邮政', '民航', '铁路', '其他']],
  ['商贸、海关、旅游', ['国内贸易', '对外经贸合作', '海关', '旅游', '其他']],
  ['市场监管、安全生产监管', ['市场监管', '质量监督', '食品药品监管', '安全生产监管', '知识产权', '其他']],
  [
    '城乡建设、环境保护',
    ['城乡建设（含住房）', '城市规划', '环境监测、保护与治理', '气象、水文、地震', '其他'],
  ],
  ['科技、教育', ['科技', '教育', '其他']],
  ['文化、广电、新闻出版', ['文化', '广播、电影、电视', '新闻出版', '文物', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '监察', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  [
    '民政、乡村振兴、救灾',
    ['减灾救灾', '社会福利', '优抚安置', '乡村振兴', '社团管理', '行政区划与地名', '其他'],
  ],
  ['民族、宗教', ['民族事务', '宗教事务', '其他']],
  ['对外事务', ['外交', '国际组织', '其他']],
  ['港澳台侨工作', ['港澳', '台湾', '侨务', '其他']],
  ['国防', ['国防动员', '其他']],
  ['其他', []],
])

const CODE = /^[0-9A-Za-z]{1,8}(\.[0-9A-Za-z]{1,8})?$/

/** Schema of a custom vocabulary (settings): two levels, unique codes, second-level codes prefixed. */
export const TopicVocabularySchema = z
  .array(
    z.object({
      code: z.string().regex(CODE, '分类代码只能包含字母和数字'),
      name: z.string().trim().min(1, '请填写分类名称').max(60),
      children: z
        .array(
          z.object({
            code: z.string().regex(CODE, '分类代码只能包含字母和数字'),
            name: z.string().trim().min(1, '请填写分类名称').max(60),
          }),
        )
        .optional(),
    }),
  )
  .min(1, '主题分类不能为空')
  .max(200)
  .superRefine((topics, ctx) => {
    const codes = topics.flatMap((t) => [t.code, ...(t.children ?? []).map((c) => c.code)])
    if (new Set(codes).size !== codes.length) ctx.addIssue({ code: 'custom', message: '分类代码不能重复' })
    for (const t of topics) {
      for (const c of t.children ?? []) {
        if (!c.code.startsWith(`${t.code}.`)) {
          ctx.addIssue({ code: 'custom', message: `二级分类代码应以“${t.code}.”开头：${c.code}` })
        }
      }
    }
  })

/** The label of `code` in `topics` (`一级\二级` for a second-level code), or undefined when not in it. */
export function findTopic(topics: readonly TopicCategory[], code: string): TopicLabel | undefined {
  for (const t of topics) {
    if (t.code === code) return { code, label: t.name }
    const child = t.children?.find((c) => c.code === code)
    if (child) return { code, label: `${t.name}\\${child.name}` }
  }
  return undefined
}

// Separators pages print between the two levels: 综合政务\政务公开, 综合政务/其他, 综合政务 > 其他.
const LEVEL_SEPARATOR = /\s*[\\/／＼>＞|｜]\s*/

/**
 * The topic a page printed (`综合政务\政务公开`, `综合政务/其他`, `综合政务`), matched by name against the
 * vocabulary; undefined when it is not in it (or a second-level name alone is ambiguous).
 */
export function matchTopicLabel(topics: readonly TopicCategory[], printed: string): TopicLabel | undefined {
  const parts = printed.trim().split(LEVEL_SEPARATOR).filter((p) => p !== '')
  const [first, second] = parts
  if (first === undefined || parts.length > 2) return undefined
  const top = topics.find((t) => t.name === first)
  if (top !== undefined) {
    if (second === undefined) return findTopic(topics, top.code)
    const child = top.children?.find((c) => c.name === second)
    return child && findTopic(topics, child.code)
  }
  if (second !== undefined) return undefined
  const children = topics.flatMap((t) => (t.children ?? []).filter((c) => c.name === first))
  const only = children.length === 1 ? children[0] : undefined
  return only && findTopic(topics, only.code)
}
