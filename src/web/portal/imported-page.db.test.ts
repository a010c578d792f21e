// A page imported with `gongkai import pages` (catalogue importSavedPage) is served by the portal like any
// published item: metadata block, body with its tables, in the column list.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { buildAgency, TEST_CREDIT_CODE } from '../../../test/factories.ts'
import { systemActor } from '../../accounts/index.ts'
import { ensureDefaultColumns, importSavedPage } from '../../catalogue/index.ts'
import { readSavedPage } from '../../catalogue/import/index.ts'
import { buildTestServer } from '../testing/web-test-kit.ts'

const SEED = fileURLToPath(new URL('../../annual-report/fixtures/seed-tianshuijun-2021.txt', import.meta.url))

describeDb('portal: an imported page', () => {
  const t = useTestDb()
  let app: FastifyInstance

  beforeAll(async () => {
    app = await buildTestServer(t.db)
  })
  afterAll(async () => {
    await app.close()
  })

  it('renders the seed page with its 索引号, 发布机构, 发布日期 and body, and lists it in its column', async () => {
    const agency = await buildAgency(t.db, { name: '天水郡街道', creditCode: TEST_CREDIT_CODE })
    const cli = systemActor('cli')
    await ensureDefaultColumns(t.db, cli, agency.id)
    const column = `/zfxxgk/${agency.id}/annual-reports/`
    const page = readSavedPage(readFileSync(SEED), SEED)
    const { item } = await importSavedPage(t.db, cli, {
      agency: agency.name,
      column: 'annual-reports',
      page,
      source: SEED,
    })
    const response = await app.inject({ method: 'GET', url: `${column}${item.id}.html` })
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(html).toContain('秦州区天水郡街道2021年政府信息公开工作年度报告')
    expect(html).toContain('20230618-163525-505')
    expect(html).toContain('2021-12-31')
    expect(html).toMatch(/发布机构[\s\S]{0,200}天水郡街道/)
    expect(html).toContain('我街道在秦州区政府信息公开网站上主动公开信息229条')
    expect(html).toContain('<table')
    const list = await app.inject({ method: 'GET', url: column })
    expect(list.body).toContain(`${item.id}.html`)
  })
})
