// 信息列表 filters through HTTP on both engines: status, column, year, 主题分类 (a first-level code includes
// its second-level ones), words of 标题/文号/索引号 (LIKE wildcards taken literally), with pagination.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../../test/create-test-db.ts'
import { buildAgency, buildUser } from '../../../../test/factories.ts'
import { buildColumn, buildItem } from '../../portal/portal-test-data.ts'
import { buildTestServer, sessionCookie } from '../../testing/web-test-kit.ts'

describeDb('catalogue console: item list filters', () => {
  const t = useTestDb()
  let app: FastifyInstance
  let cookie = ''
  let columnA = 0
  let columnB = 0

  beforeAll(async () => {
    app = await buildTestServer(t.db)
    const agency = await buildAgency(t.db)
    const { user } = await buildUser(t.db, { agency, roles: ['agency_admin'] })
    cookie = await sessionCookie(t.db, user)
    const a = await buildColumn(t.db, agency, { name: '政策文件', slug: 'policy' })
    const b = await buildColumn(t.db, agency, { name: '财政预决算', slug: 'budget' })
    columnA = a.id
    columnB = b.id
    await buildItem(t.db, a, {
      title: '甲乙通知',
      docNumber: '测政发〔2024〕7号',
      topicCode: '02.01',
      publishedAt: '2024-05-01T02:00:00.000Z',
    })
    await buildItem(t.db, a, {
      title: '丙丁通知',
      docNumber: '测政办〔2025〕1号',
      topicCode: '02.03',
      publishedAt: '2025-01-01T01:00:00.000Z',
    })
    await buildItem(t.db, b, {
      title: '预算公开100%_说明',
      docNumber: null,
      topicCode: '05',
      publishedAt: '2025-03-01T01:00:00.000Z',
    })
    await buildItem(t.db, b, { title: '草稿中的预算说明', status: 'draft', topicCode: null })
    for (let i = 0; i < 22; i++) {
      await buildItem(t.db, b, {
        title: `批量信息${i}`,
        topicCode: '06.01',
        publishedAt: '2023-06-01T01:00:00.000Z',
      })
    }
  })
  afterAll(async () => {
    await app.close()
  })

  async function titles(query: string): Promise<{ titles: string[]; total: number }> {
    const response = await app.inject({
      method: 'GET',
      url: `/admin/catalogue/items?${query}`,
      headers: { cookie },
    })
    expect(response.statusCode).toBe(200)
    const total = Number(/共 (\d+) 条/.exec(response.body)?.[1] ?? -1)
    const found = ['甲乙通知', '丙丁通知', '预算公开100%_说明', '草稿中的预算说明'].filter((x) =>
      response.body.includes(x),
    )
    return { titles: found, total }
  }

  it('filters by year (发布日期 in China Standard Time), column, status and 主题分类', async () => {
    expect(await titles('year=2024')).toEqual({ titles: ['甲乙通知'], total: 1 })
    // 2025-01-01T01:00Z is 1 January 2025 09:00 in Beijing.
    expect((await titles('year=2025')).titles).toEqual(['丙丁通知', '预算公开100%_说明'])
    expect((await titles(`columnId=${columnA}`)).total).toBe(2)
    expect(await titles(`columnId=${columnB}&status=draft`)).toEqual({
      titles: ['草稿中的预算说明'],
      total: 1,
    })
    expect((await titles('topic=02')).titles).toEqual(['甲乙通知', '丙丁通知'])
    expect(await titles('topic=02.03')).toEqual({ titles: ['丙丁通知'], total: 1 })
    expect((await titles('topic=06')).total).toBe(22)
  })

  it('finds words in 标题, 文号 or 索引号, taking % and _ literally', async () => {
    expect(await titles('q=' + encodeURIComponent('〔2024〕7号'))).toEqual({ titles: ['甲乙通知'], total: 1 })
    expect(await titles('q=' + encodeURIComponent('通知 丙丁'))).toEqual({ titles: ['丙丁通知'], total: 1 })
    expect(await titles('q=' + encodeURIComponent('100%_'))).toEqual({
      titles: ['预算公开100%_说明'],
      total: 1,
    })
    expect((await titles('q=' + encodeURIComponent('%'))).titles).toEqual(['预算公开100%_说明'])
    expect((await titles('q=TEST')).total).toBe(25)
  })

  it('pages the results and keeps the filters in the page links; junk filters are ignored, never a 500', async () => {
    const first = await app.inject({
      method: 'GET',
      url: '/admin/catalogue/items?topic=06&page=2',
      headers: { cookie },
    })
    expect(first.statusCode).toBe(200)
    expect(first.body).toContain('批量信息1')
    expect(first.body).toMatch(/href="[^"]*topic=06[^"]*page=1/)
    expect((await titles('year=abc&topic=%27%3B&columnId=-1&page=x')).total).toBe(26)
  })

  it('answers 404, never 500, for malformed ids in console URLs', async () => {
    for (const url of [
      '/admin/catalogue/items/abc',
      '/admin/catalogue/items/0/edit',
      '/admin/catalogue/items/1e3',
      '/admin/catalogue/columns/x/edit',
      '/admin/catalogue/items/99999999999999999999',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie } })
      expect(response.statusCode, url).toBe(404)
    }
  })
})
