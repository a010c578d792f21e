// A generated corpus of government documents (titles, 文号, 索引号, bodies from Chinese government-text
// vocabulary), deterministic per seed: the database tests check recall on it and the bench loads it at scale.
import type { SearchDocument } from './search-document.ts'

/** Small, fast, seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PLACES = [
  '天水',
  '秦州',
  '麦积',
  '甘谷',
  '武山',
  '清水',
  '秦安',
  '张家川',
  '兰州',
  '城关',
  '七里河',
  '安宁',
  '西固',
  '红古',
  '永登',
  '榆中',
  '皋兰',
  '嘉峪关',
  '金昌',
  '白银',
]
const LEVELS = ['市', '区', '县', '镇', '乡', '街道']
const ORGS = [
  '人民政府',
  '人民政府办公室',
  '发展和改革委员会',
  '财政局',
  '教育局',
  '卫生健康委员会',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '水务局',
  '应急管理局',
  '市场监督管理局',
  '民政局',
  '人力资源和社会保障局',
  '审计局',
  '统计局',
  '医疗保障局',
  '林业和草原局',
]
const TOPICS = [
  '安全生产',
  '防汛抗旱',
  '乡村振兴',
  '营商环境',
  '政务公开',
  '城乡规划',
  '财政预算',
  '政府采购',
  '社会救助',
  '义务教育',
  '公共卫生',
  '生态保护',
  '耕地保护',
  '农村人居环境整治',
  '重大建设项目',
  '行政许可',
  '行政处罚',
  '统计调查',
  '疫情防控',
  '就业创业',
  '养老服务',
  '住房保障',
  '河长制',
  '森林防火',
  '食品安全',
  '价格监测',
  '信用体系建设',
  '数字政府',
  '老旧小区改造',
  '高标准农田建设',
]
const DOC_KINDS = [
  '实施方案',
  '工作方案',
  '管理办法',
  '实施细则',
  '工作要点',
  '考核办法',
  '应急预案',
  '三年行动计划',
  '专项整治方案',
  '指导意见',
]
const TITLE_FORMS = [
  (p: string, t: string, k: string, y: number) => `关于印发《${p}${y}年${t}${k}》的通知`,
  (p: string, t: string, _k: string, y: number) => `${p}关于做好${y}年${t}工作的通知`,
  (p: string, t: string) => `${p}关于进一步加强${t}工作的意见`,
  (p: string, t: string, _k: string, y: number) => `${p}${y}年${t}工作总结`,
  (p: string, t: string) => `关于${p}${t}有关情况的公示`,
  (p: string, t: string, k: string) => `${p}${t}${k}政策解读`,
  (p: string, t: string, _k: string, y: number) => `${p}${y}年度${t}资金分配情况公告`,
]
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，切实做好{t}各项工作，结合我{l}实际，制定本方案。',
  '各{l}、各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。',
  '坚持以人民为中心的发展思想，统筹发展和安全，着力解决群众急难愁盼问题。',
  '依据《中华人民共和国政府信息公开条例》第二十条规定，现将有关情况予以公开。',
  '截至{y}年底，全{l}累计投入资金{n}万元，完成{t}项目{m}个，惠及群众{n}人。',
  '对工作推进不力、造成不良影响的，依法依规严肃追究相关人员责任。',
  '本{k}自印发之日起施行，有效期{m}年。此前有关规定与本{k}不一致的，以本{k}为准。',
  '联系电话：0938-{n}，联系地址：{p}{l}人民路{m}号。',
  '各单位要强化督查检查，建立工作台账，每季度报送{t}工作进展情况。',
  '加大宣传力度，充分利用政府网站、政务新媒体等渠道，营造良好社会氛围。',
  '推进{t}标准化规范化建设，提升基层治理能力和公共服务水平。',
  '严格落实“放管服”改革要求，优化办事流程，压缩办理时限，实现“一网通办”。',
  'The {t} project (phase {m}) report is available in PDF/Word, ref. GK-{y}-{n}.',
  '资金使用情况接受审计监督和社会监督，严禁截留、挤占、挪用。',
  '附件：1. {p}{t}{k}  2. 责任分工表  3. 进度安排表',
]

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T
}

/** A document of the corpus: id 1.. (agencyId in 1..agencies, columnId in 1..20, years 2015–2025). */
export function sampleDocument(id: number, rand: () => number, agencies = 1000): SearchDocument {
  const year = 2015 + Math.floor(rand() * 11)
  const place = pick(rand, PLACES) + pick(rand, LEVELS)
  const org = place + pick(rand, ORGS)
  const topic = pick(rand, TOPICS)
  const kind = pick(rand, DOC_KINDS)
  const title = pick(rand, TITLE_FORMS)(org, topic, kind, year)
  const serial = 1 + Math.floor(rand() * 300)
  const docNumber =
    rand() < 0.7
      ? `${place.slice(0, 1)}政${pick(rand, ['发', '办发', '函', '办函'])}〔${year}〕${serial}号`
      : ''
  const credit = `1162${String(Math.floor(rand() * 10000)).padStart(4, '0')}MB${String(Math.floor(rand() * 1e7)).padStart(7, '0')}R`
  const indexNumber = `${credit}/${year}-${String(id % 100000).padStart(5, '0')}`
  const sentences: string[] = []
  const count = 3 + Math.floor(rand() * 8)
  for (let i = 0; i < count; i++) {
    sentences.push(
      pick(rand, SENTENCES).replace(/\{(\w)\}/g, (_, key: string) => {
        if (key === 't') return rand() < 0.7 ? topic : pick(rand, TOPICS)
        if (key === 'l') return pick(rand, LEVELS)
        if (key === 'p') return place
        if (key === 'k') return kind
        if (key === 'y') return String(year)
        if (key === 'n') return String(Math.floor(rand() * 100000))
        return String(1 + Math.floor(rand() * 50))
      }),
    )
  }
  const month = 1 + Math.floor(rand() * 12)
  const day = 1 + Math.floor(rand() * 28)
  const ms = Math.floor(rand() * 86_400_000)
  const publishedAt = new Date(Date.UTC(year, month - 1, day) + ms).toISOString()
  return {
    id,
    agencyId: 1 + Math.floor(rand() * agencies),
    columnId: 1 + Math.floor(rand() * 20),
    year,
    title,
    docNumber,
    indexNumber,
    body: sentences.join(rand() < 0.3 ? '\n' : ''),
    publishedAt,
  }
}
