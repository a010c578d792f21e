// The public portal end to end through fastify inject: every page renders with data, lists page and filter,
// unknown things are 404, withdrawn items show the 撤稿 notice, unpublished items never appear, site identity
// and footer are in every page, feeds and sitemaps are well-formed, downloads are real files.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { indexDocument } from '../../search/index.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'
import { buildColumn, buildItem, setSiteIdentity } from './portal-test-data.ts'

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'

/** Well-formedness of generated XML: every tag closed in order, no stray `<` or `&` in text. */
function assertWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '')
  const stack: string[] = []
  for (const token of body.split(/(<[^>]*>)/)) {
    if (token.startsWith('<')) {
      const m = /^<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>$/.exec(token)
      if (m === null) throw new Error(`bad tag ${token}`)
      if (m[3] === '/') continue
      if (m[1] === '/') {
        if (stack.pop() !== m[2]) throw new Error(`mismatched </${m[2]}>`)
      } else stack.push(m[2] ?? '')
    } else if (/<|&(?!(amp|lt|gt|quot|apos);)/.test(token)) {
      throw new Error(`unescaped text ${token}`)
    }
  }
  expect(stack).toEqual([])
}

describeDb('public portal pages', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } })

  it('renders the platform home, the 专栏 home with columns and latest items, and site identity', async () => {
    const agency = await buildAgency(t.db, { name: '天水市示例县人民政府' })
    await setSiteIdentity(t.db, agency, { siteCode: '6205210001', icp: '陇ICP备12345678号' })
    const guide = await buildColumn(t.db, agency, { name: '政府信息公开指南', kind: 'guide', slug: 'guide' })
    const statutory = await buildColumn(t.db, agency, { name: '法定主动公开内容', kind: 'statutory' })
    const policies = await buildColumn(t.db, agency, { name: '政策文件', parent: statutory, slug: 'zcwj' })
    const item = await buildItem(t.db, policies, { title: '关于印发示例办法的通知' })
    await buildItem(t.db, guide, { title: '示例县政府信息公开指南' })

    const home = await get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain(`href="/zfxxgk/${agency.id}/"`)
    expect(home.body).toContain('天水市示例县人民政府')

    const r = await get(`/zfxxgk/${agency.id}/`)
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain('<meta name="SiteName" content="天水市示例县人民政府"')
    expect(r.body).toContain('<meta name="SiteIDCode" content="6205210001"')
    expect(r.body).toContain('<meta name="SiteDomain" content="localhost:80"')
    expect(r.body).toContain('<meta name="ColumnName"')
    expect(r.body).toContain('<meta name="ColumnType"')
    expect(r.body).toContain('政策文件')
    expect(r.body).toContain(`/zfxxgk/${agency.id}/zcwj/${item.id}.html`)
    expect(r.body).toContain(`href="/zfxxgk/${agency.id}/guide/"`)
    expect(r.body).toContain('网站标识码：<span>6205210001</span>')
    expect(r.body).toContain('陇ICP备12345678号')
    expect(r.body).toContain('主办单位：')
    expect(r.body).toContain('class="skip-link" href="#main"')
    expect(r.body).toMatch(/<main id="main"/)
  })

  it('lists a column newest first, 20 a page, filtered by year and 主题分类', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'tzgg' })
    for (let i = 0; i < 25; i++) {
      const day = String(i + 1).padStart(2, '0')
      await buildItem(t.db, column, {
        title: `第${i + 1}号公告`,
        publishedAt: `2025-03-${day}T02:00:00.000Z`,
        topicCode: i % 2 === 0 ? '02.01' : '04.01',
      })
    }
    await buildItem(t.db, column, { title: '往年公告', publishedAt: '2024-06-01T02:00:00.000Z' })
    const base = `/zfxxgk/${agency.id}/tzgg/`
    const first = await get(base)
    expect(first.statusCode).toBe(200)
    expect(first.body.indexOf('第25号公告')).toBeLessThan(first.body.indexOf('第24号公告'))
    expect(first.body).not.toContain('第5号公告')
    expect(first.body).toContain('共 26 条')
    const second = await get(`${base}?page=2`)
    expect(second.body).toContain('第5号公告')
    expect(second.body).toContain('往年公告')
    const year = await get(`${base}?year=2024`)
    expect(year.body).toContain('往年公告')
    expect(year.body).toContain('共 1 条')
    const topic = await get(`${base}?topic=04.01`)
    expect(topic.body).toContain('共 12 条')
    expect(topic.body).not.toContain('第1号公告<')
    for (const bad of ['?page=abc', '?page=0', '?year=20x5', '?topic=99.99']) {
      const r = await get(base + bad)
      expect(r.statusCode, bad).toBe(422)
    }
  })

  it('answers 404 for unknown agencies, columns and items, and for unpublished items', async () => {
    const agency = await buildAgency(t.db)
    const other = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'fg' })
    await buildColumn(t.db, other, { slug: 'fg' })
    const draft = await buildItem(t.db, column, { status: 'draft' })
    const review = await buildItem(t.db, column, { status: 'in_review' })
    const published = await buildItem(t.db, column)
    for (const url of [
      '/zfxxgk/999999/',
      '/zfxxgk/abc/',
      `/zfxxgk/${agency.id}/nope/`,
      `/zfxxgk/${agency.id}/fg/999999.html`,
      `/zfxxgk/${agency.id}/fg/${draft.id}.html`,
      `/zfxxgk/${agency.id}/fg/${review.id}.html`,
      `/zfxxgk/${agency.id}/fg/${draft.id}.pdf`,
      `/zfxxgk/${other.id}/fg/${published.id}.html`,
      `/zfxxgk/${agency.id}/fg/x.html`,
    ]) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(404)
    }
    const ok = await get(`/zfxxgk/${agency.id}/fg/${published.id}.html`)
    expect(ok.statusCode).toBe(200)
  })

  it('renders an item with the metadata block, 浏览次数, downloads, print and sanitised body', async () => {
    const agency = await buildAgency(t.db, { name: '示例市人民政府' })
    const column = await buildColumn(t.db, agency, { name: '政策文件', slug: 'zcwj' })
    const item = await buildItem(t.db, column, {
      title: '示例市关于优化营商环境的若干措施',
      docNumber: '示政发〔2026〕7号',
      publisherName: '示例市人民政府办公室',
      bodyHtml: '<p>第一条　为了<strong>优化</strong>营商环境。</p>',
      viewCount: 1234,
    })
    const r = await get(`/zfxxgk/${agency.id}/zcwj/${item.id}.html`)
    expect(r.statusCode).toBe(200)
    for (const label of [
      '索引号',
      '主题分类',
      '发布机构',
      '成文日期',
      '发布日期',
      '文号',
      '有效性',
      '标题',
      '浏览次数',
    ]) {
      expect(r.body, label).toContain(`>${label}</th>`)
    }
    expect(r.body).toContain(`<td>${item.indexNumber}</td>`)
    expect(r.body).toContain('<td>综合政务\\政务公开</td>')
    expect(r.body).toContain('<td>示政发〔2026〕7号</td>')
    expect(r.body).toContain('<td>1234</td>')
    expect(r.body).toContain('<p>第一条　为了<strong>优化</strong>营商环境。</p>')
    expect(r.body).toContain(`href="/zfxxgk/${agency.id}/zcwj/${item.id}.docx">【下载Word】`)
    expect(r.body).toContain(`href="/zfxxgk/${agency.id}/zcwj/${item.id}.pdf">【下载PDF】`)
    expect(r.body).toContain('?print=1')
    expect(r.body).toContain('<meta name="ArticleTitle" content="示例市关于优化营商环境的若干措施"')
    expect(r.body).toMatch(/<meta name="PubDate" content="\d{4}-\d\d-\d\d \d\d:\d\d"/)
    expect(r.body).toContain('<meta name="ContentSource" content="示例市人民政府办公室"')
    expect(r.body).not.toMatch(/<script/i)
    const print = await get(`/zfxxgk/${agency.id}/zcwj/${item.id}.html?print=1`)
    expect(print.body).toContain('print-view')
  })

  it('serves the Word and PDF downloads of a published item', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'xz' })
    const item = await buildItem(t.db, column, { title: '下载测试通知' })
    const docx = await get(`/zfxxgk/${agency.id}/xz/${item.id}.docx`)
    expect(docx.statusCode).toBe(200)
    expect(docx.headers['content-type']).toContain('wordprocessingml')
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK')
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('下载测试通知'))
    const pdf = await get(`/zfxxgk/${agency.id}/xz/${item.id}.pdf`)
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)

  it('shows a withdrawn item as a 410 撤稿 notice with date and reason, never a 404', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'ch' })
    const item = await buildItem(t.db, column, {
      status: 'withdrawn',
      title: '已撤回的通知',
      withdrawalReason: '信息有误，更正后重新发布',
      bodyHtml: '<p>不应再显示的正文</p>',
    })
    const r = await get(`/zfxxgk/${agency.id}/ch/${item.id}.html`)
    expect(r.statusCode).toBe(410)
    expect(r.body).toContain('该信息已撤稿')
    expect(r.body).toContain('信息有误，更正后重新发布')
    expect(r.body).toMatch(/撤稿日期：<span>\d{4}-\d\d-\d\d<\/span>/)
    expect(r.body).not.toContain('不应再显示的正文')
    const column2 = await get(`/zfxxgk/${agency.id}/ch/`)
    expect(column2.body).not.toContain('已撤回的通知')
  })

  it('never shows an unpublished item on any public page, feed, sitemap or search', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'wfb' })
    await buildItem(t.db, column, { title: '公开的通知甲' })
    for (const status of ['draft', 'in_review', 'returned', 'scheduled', 'withdrawn'] as const) {
      const hidden = await buildItem(t.db, column, {
        status,
        title: `未公开${status}稿件`,
        bodyText: '稿件正文',
      })
      // A stale search index (e.g. a removal that failed) must not leak it either.
      await indexDocument(t.db, {
        id: hidden.id,
        agencyId: agency.id,
        columnId: column.id,
        year: 2026,
        title: hidden.title,
        docNumber: '',
        indexNumber: `STALE-${hidden.id}`,
        body: '稿件正文',
        publishedAt: '2026-01-01T00:00:00.000Z',
      })
    }
    const urls = [
      '/',
      `/zfxxgk/${agency.id}/`,
      `/zfxxgk/${agency.id}/wfb/`,
      `/zfxxgk/${agency.id}/wfb/rss.xml`,
      `/zfxxgk/${agency.id}/wfb/feed.json`,
      `/sitemaps/${agency.id}-1.xml`,
      `/search?q=${encodeURIComponent('稿件')}`,
      `/search?q=${encodeURIComponent('通知')}&agency=${agency.id}`,
    ]
    for (const url of urls) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(200)
      expect(r.body, url).not.toContain('未公开')
    }
    const listed = await get(`/zfxxgk/${agency.id}/wfb/`)
    expect(listed.body).toContain('公开的通知甲')
  })

  describe('feeds and sitemaps', () => {
    it('serves RSS 2.0 and JSON Feed 1.1 per column with absolute links', async () => {
      const agency = await buildAgency(t.db)
      const column = await buildColumn(t.db, agency, { name: '通知公告', slug: 'feed' })
      const item = await buildItem(t.db, column, { title: 'A & B <公告>', summary: '摘要 "引号" & 符号' })
      const rss = await get(`/zfxxgk/${agency.id}/feed/rss.xml`)
      expect(rss.statusCode).toBe(200)
      expect(rss.headers['content-type']).toContain('application/rss+xml')
      assertWellFormedXml(rss.body)
      expect(rss.body).toContain('<title>A &amp; B &lt;公告&gt;</title>')
      expect(rss.body).toContain(`<link>http://localhost:80/zfxxgk/${agency.id}/feed/${item.id}.html</link>`)
      const json = await get(`/zfxxgk/${agency.id}/feed/feed.json`)
      expect(json.headers['content-type']).toContain('application/feed+json')
      const feed = json.json<{
        version: string
        title: string
        items: { id: string; url: string; title: string }[]
      }>()
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
      expect(feed.items[0]).toMatchObject({ id: String(item.id), title: 'A & B <公告>' })
      expect(feed.items[0]?.url).toBe(`http://localhost:80/zfxxgk/${agency.id}/feed/${item.id}.html`)
    })

    it('serves a sitemap index naming per-agency sitemaps that list the home, columns and items', async () => {
      const agency = await buildAgency(t.db)
      const column = await buildColumn(t.db, agency, { slug: 'sm' })
      const item = await buildItem(t.db, column)
      const index = await get('/sitemap.xml')
      expect(index.statusCode).toBe(200)
      assertWellFormedXml(index.body)
      expect(index.body).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
      expect(index.body).toContain(`<loc>http://localhost:80/sitemaps/${agency.id}-1.xml</loc>`)
      const sitemap = await get(`/sitemaps/${agency.id}-1.xml`)
      assertWellFormedXml(sitemap.body)
      expect(sitemap.body).toContain(`<loc>http://localhost:80/zfxxgk/${agency.id}/</loc>`)
      expect(sitemap.body).toContain(`<loc>http://localhost:80/zfxxgk/${agency.id}/sm/</loc>`)
      expect(sitemap.body).toContain(`/zfxxgk/${agency.id}/sm/${item.id}.html</loc><lastmod>`)
      expect((await get(`/sitemaps/${agency.id}-2.xml`)).statusCode).toBe(404)
      expect((await get('/sitemaps/x.xml')).statusCode).toBe(404)
    })
  })

  it('searches published items with highlighted hits and echoes the query escaped', async () => {
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'ss' })
    const item = await buildItem(t.db, column, {
      title: '关于开展森林防火检查的通知',
      bodyText: '全县森林防火检查',
    })
    const r = await get(`/search?q=${encodeURIComponent('防火')}`)
    expect(r.statusCode).toBe(200)
    expect(r.body).toContain(`/zfxxgk/${agency.id}/ss/${item.id}.html`)
    expect(r.body).toContain('<mark>防火</mark>')
    const empty = await get('/search')
    expect(empty.statusCode).toBe(200)
    expect(empty.body).toContain('请输入关键词')
  })

  it('switches 字号 and 长者模式 without JavaScript through a cookie, returning only within the site', async () => {
    const r = await get(`/display?set=l-elder&return=${encodeURIComponent('/search?q=1')}`)
    expect(r.statusCode).toBe(303)
    expect(r.headers.location).toBe('/search?q=1')
    const cookie = r.cookies.find((c) => c.name === 'gk_display')
    expect(cookie?.value).toBe('l-elder')
    const page = await get('/', { cookie: 'gk_display=l-elder' })
    expect(page.body).toContain('class="portal fs-l elder"')
    const plain = await get('/')
    expect(plain.body).toContain('class="portal fs-m"')
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const e = await get(`/display?set=s&return=${encodeURIComponent(evil)}`)
      expect(e.headers.location, evil).toBe('/')
    }
  })
})
