// Bulk registration of 依申请公开 applications on both engines: valid rows become cases with their 收到 event
// through the staff intake path, invalid ones are rejected with reasons, a stopped run resumes without
// registering a row twice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { systemActor } from '../accounts/index.ts'
import { describeDb, useTestDb } from '../../test/create-test-db.ts'
import { buildAgency } from '../../test/factories.ts'
import { importApplications } from './index.ts'

const CLI = systemActor('cli')
const dir = mkdtempSync(join(tmpdir(), 'bulk-apps-'))

function row(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicantType: 'natural_person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    phone: '13800138000',
    email: 'zhangsan@example.cn',
    address: '北京市东城区示例路1号',
    postcode: '100010',
    description: `纸质申请 ${n}：2025年本区老旧小区改造项目的资金使用情况`,
    formWanted: 'paper',
    deliveryMethod: 'post',
    channel: 'in_person',
    arrivedOn: '2025-06-03',
    ...overrides,
  }
}

describeDb('bulk import of applications', () => {
  const t = useTestDb()

  it('registers valid rows with their events, rejects invalid ones, resumes without duplicates', async () => {
    const agency = await buildAgency(t.db)
    const rows = Array.from({ length: 25 }, (_, i) =>
      i === 4 ? row(i, { idNumber: '110105194912310021' }) : i === 9 ? row(i, { arrivedOn: '2099-01-01' }) : row(i),
    )
    const file = join(dir, 'apps.jsonl')
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
    let batches = 0
    const first = await importApplications(t.db, CLI, {
      file,
      agency: String(agency.id),
      batchSize: 10,
      onProgress: () => batches++,
      shouldStop: () => batches >= 1,
    })
    expect(first).toMatchObject({ stopped: true, imported: 8, rejected: 2 })
    const second = await importApplications(t.db, CLI, { file, agency: String(agency.id), batchSize: 10 })
    expect(second).toMatchObject({ resumed: true, imported: 15, rejected: 0, totalImported: 23, totalRejected: 2 })
    const cases = await t.db
      .selectFrom('applications')
      .select(['id', 'description'])
      .where('agency_id', '=', agency.id)
      .execute()
    expect(cases).toHaveLength(23)
    expect(new Set(cases.map((c) => c.description)).size).toBe(23)
    const events = await t.db
      .selectFrom('application_events')
      .select('application_id')
      .where(
        'application_id',
        'in',
        cases.map((c) => c.id),
      )
      .execute()
    expect(new Set(events.map((e) => e.application_id)).size).toBe(23)
    const rejected = readFileSync(`${file}.rejected.jsonl`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; reasons: Record<string, string> })
    expect(rejected.map((r) => r.line)).toEqual([5, 10])
    expect(Object.keys(rejected[0]?.reasons ?? {})).toContain('idNumber')
    expect(await importApplications(t.db, CLI, { file, agency: String(agency.id) })).toMatchObject({
      alreadyComplete: true,
    })
  })
})
