// The records behind one computed cell (drill-down): the ids of the applications, catalogue items or appeals
// records it counts, or the hand-entered figure with its source. The predicates are the aggregate queries'
// own, so the number of ids equals the cell's value.
import { z } from 'zod'
import type { Actor } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { expectedFormatForYear, findCell, FORMAT_KEYS, FORMATS } from '../../formats/index.ts'
import type { CellDef, FormatKey, ReportFormat } from '../../formats/index.ts'
import {
  CATALOGUE_BLOCK,
  itemTypeOfRow,
  ORG_SUBTYPE_COLUMNS,
  outcomesOfRow,
  T2_CATALOGUE_COLUMNS,
} from '../build-tables.ts'
import { OUTCOME_MAPPINGS } from '../../../applications/index.ts'
import type { CountingConventions } from '../conventions.ts'
import { findAgencyInfo, manualFigureRows } from '../manual-figure.queries.ts'
import { parseInput } from '../parse-input.ts'
import { authorizeReport } from '../report.policy.ts'
import { t2CellIds } from '../t2.queries.ts'
import type { T2Quantity } from '../t2.queries.ts'
import { t3CellIds } from '../t3.queries.ts'
import type { T3CellFilter } from '../t3.queries.ts'
import { t4CellIds } from '../t4.queries.ts'
import { resolveConventions } from './compute-annual-report.ts'

export const DrillDownCellSchema = z.object({
  agencyId: z.coerce.number({ error: '机构编号无效' }).int('机构编号无效').positive('机构编号无效'),
  year: z.coerce
    .number({ error: '年份无效' })
    .int('年份无效')
    .min(2019, '年度报告格式自2019年度起适用')
    .max(2100, '年份无效'),
  format: z.enum(FORMAT_KEYS as [FormatKey, ...FormatKey[]], { error: '格式无效' }).optional(),
  cell: z.string({ error: '请指定单元格' }).max(120, '单元格地址无效'),
  conventions: z
    .object({
      t4Scope: z.enum(['filed_or_concluded', 'filed']).optional(),
      countCoDefendantAsReviewBody: z.boolean().optional(),
      repealIncludesExpired: z.boolean().optional(),
    })
    .optional(),
})

export type DrillDownCellInput = z.input<typeof DrillDownCellSchema>

/** What stands behind a cell. */
export type CellRecords =
  | {
      readonly cell: string
      readonly kind: 'applications' | 'catalogue_items' | 'appeals'
      readonly ids: readonly number[]
    }
  | {
      readonly cell: string
      readonly kind: 'manual'
      readonly value: string | null
      readonly source: string | null
    }

export async function drillDownCell(db: DB, actor: Actor, input: DrillDownCellInput): Promise<CellRecords> {
  const data = parseInput(DrillDownCellSchema, input)
  const agency = await findAgencyInfo(db, data.agencyId)
  if (!agency) throw new DomainError('not_found', '机构不存在')
  authorizeReport(actor, 'annual_report.compute', { agencyId: agency.id, agencyPath: agency.path })
  const format = FORMATS[data.format ?? expectedFormatForYear(data.year)]
  const def = findCell(format, data.cell)
  if (!def) {
    throw new DomainError('invalid_input', '提交的内容有误，请检查后重试', {
      cell: `${format.key}格式没有单元格${data.cell}`,
    })
  }
  return recordsOf(db, {
    agencyId: agency.id,
    year: data.year,
    format,
    def,
    conventions: resolveConventions(data.conventions ?? {}),
  })
}

async function recordsOf(
  db: DB,
  args: {
    agencyId: number
    year: number
    format: ReportFormat
    def: CellDef
    conventions: CountingConventions
  },
): Promise<CellRecords> {
  const { agencyId, year, format, def, conventions } = args
  const cell = def.address
  if (def.table === 't2' && def.block === CATALOGUE_BLOCK) {
    const itemType = itemTypeOfRow(def.row)
    const quantity = T2_CATALOGUE_COLUMNS[def.column] as T2Quantity | undefined
    const map: Record<string, T2Quantity> = {
      issued: 'issued',
      repealed: 'repealed',
      valid_at_end: 'validAtEnd',
      published_in_year: 'publishedInYear',
      published_by_end: 'publishedByEnd',
    }
    const predicate = quantity === undefined ? undefined : map[quantity]
    if (itemType === undefined || predicate === undefined) return { cell, kind: 'catalogue_items', ids: [] }
    const ids = await t2CellIds(db, {
      agencyId,
      year,
      itemType,
      quantity: predicate,
      repealIncludesExpired: conventions.repealIncludesExpired,
    })
    return { cell, kind: 'catalogue_items', ids }
  }
  if (def.table === 't2') {
    const figure = (await manualFigureRows(db, { kind: 'one', agencyId }, year)).find((f) => f.cell === cell)
    return { cell, kind: 'manual', value: figure?.value ?? null, source: figure?.source ?? null }
  }
  if (def.table === 't3') {
    return { cell, kind: 'applications', ids: await t3CellIds(db, agencyId, year, t3Filter(format, def)) }
  }
  const match =
    /^(review|litigation_direct|litigation_after_review)_(maintained|corrected|other|pending|total)$/.exec(
      def.column,
    )
  if (!match?.[1] || !match[2]) return { cell, kind: 'appeals', ids: [] }
  const ids = await t4CellIds(db, {
    agencyId,
    year,
    kind: match[1],
    ...(match[2] === 'total' ? {} : { outcome: match[2] }),
    options: {
      scope: conventions.t4Scope,
      countCoDefendantAsReviewBody: conventions.countCoDefendantAsReviewBody,
    },
  })
  return { cell, kind: 'appeals', ids }
}

/** The row's date condition and the column's applicant condition of a 表三 cell. */
function t3Filter(format: ReportFormat, def: CellDef): T3CellFilter {
  const flows = ['new_received', 'carried_over', 'carried_forward'] as const
  const flow = (flows as readonly string[]).includes(def.row)
    ? (def.row as (typeof flows)[number])
    : 'results'
  const known = Object.keys(OUTCOME_MAPPINGS)
  const outcomes =
    flow === 'results' && def.row !== 'results_total'
      ? { ...outcomesOfRow(def.row, format), known }
      : undefined
  const subtype = Object.keys(ORG_SUBTYPE_COLUMNS).find((s) => ORG_SUBTYPE_COLUMNS[s] === def.column)
  const applicant: T3CellFilter['applicant'] =
    def.column === 'natural_person'
      ? { kind: 'natural_person' }
      : subtype !== undefined
        ? { kind: 'org_subtype', subtype }
        : def.column === 'other_org'
          ? { kind: 'other_org', namedSubtypes: Object.keys(ORG_SUBTYPE_COLUMNS) }
          : undefined
  return { flow, ...(outcomes ? { outcomes } : {}), ...(applicant ? { applicant } : {}) }
}
