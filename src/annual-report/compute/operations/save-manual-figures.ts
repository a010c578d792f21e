// Enter the 表二 figures that live in other systems (行政许可, 行政处罚, 行政强制 decisions; 行政事业性收费 in 万元;
// the 2019 试行 item counts), each with its source, for an agency and year — typed in, or imported from a CSV.
// An empty value removes a figure. Every change is audited with the figures before and after.
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { recordAudit } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { isoNow, withTransaction } from '../../../storage/index.ts'
import { expectedFormatForYear, FORMATS } from '../../formats/index.ts'
import {
  deleteManualFigure,
  findAgencyInfo,
  manualFigureRows,
  upsertManualFigure,
} from '../manual-figure.queries.ts'
import type { ManualFigure } from '../manual-figures.ts'
import { parseFigureValue, readFiguresCsv, resolveFigureCell } from '../manual-figures.ts'
import { parseInput } from '../parse-input.ts'
import { authorizeReport } from '../report.policy.ts'

const agencyYear = {
  agencyId: z.coerce.number({ error: '机构编号无效' }).int('机构编号无效').positive('机构编号无效'),
  year: z.coerce
    .number({ error: '年份无效' })
    .int('年份无效')
    .min(2019, '年度报告格式自2019年度起适用')
    .max(2100, '年份无效'),
}

export const SaveManualFiguresSchema = z.object({
  ...agencyYear,
  figures: z
    .array(
      z.object({
        cell: z.string({ error: '请指定项目' }).max(120, '项目无效'),
        value: z.string({ error: '请填写数值' }).max(40, '数值无效'),
        source: z.string().trim().max(200, '数据来源不超过200字').default(''),
      }),
    )
    .min(1, '请至少填写一项')
    .max(50, '一次最多50项'),
})

export type SaveManualFiguresInput = z.input<typeof SaveManualFiguresSchema>

export const ImportManualFiguresSchema = z.object({
  ...agencyYear,
  csv: z.string({ error: '请上传CSV文件' }).min(1, '文件为空').max(100_000, '文件过大'),
})

export type ImportManualFiguresInput = z.input<typeof ImportManualFiguresSchema>

/** Save figures typed in the report builder; returns the agency's figures for the year after the change. */
export async function saveManualFigures(
  db: DB,
  actor: Actor,
  input: SaveManualFiguresInput,
  now = new Date(),
): Promise<ManualFigure[]> {
  const data = parseInput(SaveManualFiguresSchema, input)
  const format = FORMATS[expectedFormatForYear(data.year)]
  const fields: Record<string, string> = {}
  const changes: { cell: string; value: string | null; source: string }[] = []
  data.figures.forEach((f, i) => {
    const cell = resolveFigureCell(format, f.cell)
    if (cell === undefined) {
      fields[`figures.${i}.cell`] = `“${f.cell}”不是本年度格式表二中需要手工填报的项目`
      return
    }
    if (f.value.trim() === '') {
      changes.push({ cell, value: null, source: f.source })
      return
    }
    const parsed = parseFigureValue(format, cell, f.value)
    if ('error' in parsed) fields[`figures.${i}.value`] = parsed.error
    else if (f.source === '') fields[`figures.${i}.source`] = '请注明数据来源'
    else changes.push({ cell, value: parsed.value, source: f.source })
  })
  if (Object.keys(fields).length > 0) {
    throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', fields)
  }
  return apply(db, actor, data.agencyId, data.year, changes, 'annual_report.figures_save', now)
}

/** Import figures from a CSV (项目,数值,来源); nothing is saved unless every line is valid. */
export async function importManualFiguresCsv(
  db: DB,
  actor: Actor,
  input: ImportManualFiguresInput,
  now = new Date(),
): Promise<ManualFigure[]> {
  const data = parseInput(ImportManualFiguresSchema, input)
  const read = readFiguresCsv(FORMATS[expectedFormatForYear(data.year)], data.csv)
  if ('errors' in read) throw new DomainError('invalid_input', 'CSV文件中有错误，未导入任何数据', read.errors)
  if (read.figures.length === 0) {
    throw new DomainError('invalid_input', 'CSV文件中没有数据', { csv: '没有数据行' })
  }
  return apply(db, actor, data.agencyId, data.year, read.figures, 'annual_report.figures_import', now)
}

async function apply(
  db: DB,
  actor: Actor,
  agencyId: number,
  year: number,
  changes: readonly { cell: string; value: string | null; source: string }[],
  action: string,
  now: Date,
): Promise<ManualFigure[]> {
  return withTransaction(db, async (trx) => {
    const agency = await findAgencyInfo(trx, agencyId)
    if (!agency) throw new DomainError('not_found', '机构不存在')
    authorizeReport(actor, 'annual_report.enter_figures', { agencyId: agency.id, agencyPath: agency.path })
    const set = { kind: 'one', agencyId } as const
    const before = await manualFigureRows(trx, set, year)
    const at = isoNow(now)
    for (const c of changes) {
      if (c.value === null) await deleteManualFigure(trx, agencyId, year, c.cell)
      else {
        await upsertManualFigure(trx, {
          agency_id: agencyId,
          year,
          cell: c.cell,
          value: c.value,
          source: c.source,
          updated_by: actor.userId > 0 ? actor.userId : null,
          updated_at: at,
        })
      }
    }
    const after = (await manualFigureRows(trx, set, year)).map((f) => ({
      cell: f.cell,
      value: f.value,
      source: f.source,
    }))
    await recordAudit(
      trx,
      actor,
      {
        action,
        targetType: 'annual_report_figures',
        targetId: `${agencyId}/${year}`,
        agencyId,
        before: before.map((f) => ({ cell: f.cell, value: f.value, source: f.source })),
        after,
      },
      now,
    )
    return after
  })
}
