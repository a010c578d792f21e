// The default column tree of an agency's 政府信息公开 专栏: 指南 and 制度 (条例 第十二条, 第三章),
// 法定主动公开内容 with one sub-column per item of 条例 第二十条 (plus 第二十一条 for 设区的市级、县级 and 乡镇
// governments), and 年报 (条例 第四十九条). Agencies edit the tree afterwards (条例 第二十二条).
import type { AgencyKind } from '../accounts/index.ts'
import type { ColumnKind } from './column.ts'

/** A column to create: its slug is its stable identity, so re-running the defaults adds only what is missing. */
export interface ColumnSpec {
  readonly name: string
  readonly slug: string
  readonly kind: ColumnKind
  readonly children?: readonly ColumnSpec[]
}

/** Which set of 条例 第二十一条 extras applies. */
export type LocalExtras = 'city_county' | 'township' | 'none'

const statutory = (name: string, slug: string): ColumnSpec => ({ name, slug, kind: 'statutory' })

// 条例 第二十条 (一)–(十五), in the article's order; 政策解读 and 回应关切 follow national practice
// (国办发〔2016〕80号) and sit next to the policies they explain.
const ARTICLE_20: readonly ColumnSpec[] = [
  statutory('政策文件', 'policies'), // (一) 行政法规、规章和规范性文件
  statutory('政策解读', 'interpretations'),
  statutory('机构职能', 'functions'), // (二) 机构职能、机构设置、办公地址、办公时间、联系方式、负责人姓名
  statutory('规划计划', 'plans'), // (三) 国民经济和社会发展规划、专项规划、区域规划及相关政策
  statutory('统计信息', 'statistics'), // (四)
  statutory('行政许可', 'licensing'), // (五) 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果
  statutory('行政处罚和行政强制', 'penalties'), // (六)
  statutory('财政预决算', 'budgets'), // (七) 财政预算、决算信息
  statutory('行政事业性收费', 'fees'), // (八)
  statutory('政府采购', 'procurement'), // (九) 政府集中采购项目的目录、标准及实施情况
  statutory('重大建设项目', 'major-projects'), // (十)
  statutory('扶贫、教育、医疗、社会保障、促进就业', 'livelihood'), // (十一)
  statutory('突发公共事件应对', 'emergencies'), // (十二)
  statutory('环境保护、公共卫生、安全生产、食品药品、产品质量监督检查', 'inspections'), // (十三)
  statutory('人事信息', 'personnel'), // (十四) 公务员招考的职位、名额、报考条件等事项以及录用结果
  statutory('回应关切', 'responses'),
  statutory('其他法定主动公开内容', 'other-statutory'), // (十五)
]

// 条例 第二十一条 第一句: 设区的市级、县级人民政府及其部门.
const ARTICLE_21_CITY_COUNTY: readonly ColumnSpec[] = [
  statutory('市政建设', 'municipal-construction'),
  statutory('公共服务', 'public-services'),
  statutory('公益事业', 'public-welfare'),
  statutory('土地征收', 'land-expropriation'),
  statutory('房屋征收', 'housing-expropriation'),
  statutory('治安管理', 'public-order'),
  statutory('社会救助', 'social-assistance'),
]

// 条例 第二十一条 第二句: 乡（镇）人民政府.
const ARTICLE_21_TOWNSHIP: readonly ColumnSpec[] = [
  statutory('贯彻落实农业农村政策', 'rural-policy'),
  statutory('农田水利工程建设运营', 'irrigation'),
  statutory('农村土地承包经营权流转', 'land-contract-transfer'),
  statutory('宅基地使用情况审核', 'homestead'),
  statutory('土地征收', 'land-expropriation'),
  statutory('房屋征收', 'housing-expropriation'),
  statutory('筹资筹劳', 'fund-and-labour-raising'),
  statutory('社会救助', 'social-assistance'),
]

/**
 * The 第二十一条 extras an agency kind gets by default. The agency record has no administrative level, so
 * governments and their offices and departments get the city/county set (a province-level agency deletes
 * those columns); townships get the township set; street offices and other bodies only 第二十条.
 */
export function defaultLocalExtras(kind: AgencyKind): LocalExtras {
  if (kind === 'township') return 'township'
  if (kind === 'government' || kind === 'general_office' || kind === 'department') return 'city_county'
  return 'none'
}

/** The default column tree for `extras`. */
export function defaultColumnSpecs(extras: LocalExtras): readonly ColumnSpec[] {
  const local =
    extras === 'city_county' ? ARTICLE_21_CITY_COUNTY : extras === 'township' ? ARTICLE_21_TOWNSHIP : []
  return [
    { name: '政府信息公开指南', slug: 'guide', kind: 'guide' },
    { name: '政府信息公开制度', slug: 'system', kind: 'system' },
    {
      name: '法定主动公开内容',
      slug: 'statutory',
      kind: 'statutory',
      children: [...ARTICLE_20.slice(0, -1), ...local, ...ARTICLE_20.slice(-1)],
    },
    { name: '政府信息公开年报', slug: 'annual-reports', kind: 'annual_report' },
  ]
}

/** Slugs of the top-level default columns, which cannot be deleted. */
export const PROTECTED_SLUGS: readonly string[] = ['guide', 'system', 'statutory', 'annual-reports']
