// The tables of a set of agencies for a year, from four grouped queries (表三 flows, 表三 outcomes, 表二
// catalogue, 表四) plus the hand-entered 表二 figures: one round of SQL whether the set is one agency or 10,000.
import type { DB } from '../../../storage/index.ts'
import type { CellAddress, ReportFormat } from '../../formats/index.ts'
import { buildT2Catalogue, buildT3, buildT4, emptyVector, formatIndex, setCell } from '../build-tables.ts'
import type { CellVector } from '../build-tables.ts'
import type { CountingConventions } from '../conventions.ts'
import { manualFigureRows } from '../manual-figure.queries.ts'
import type { ManualFigure } from '../manual-figures.ts'
import { parseFigureValue } from '../manual-figures.ts'
import type { AgencySet } from '../scope.ts'
import { t2CatalogueRows } from '../t2.queries.ts'
import { t3Rows } from '../t3.queries.ts'
import { t4Rows } from '../t4.queries.ts'

/** One agency's computed cells with what a reader needs to trust them. */
export interface AgencyTables {
  readonly agencyId: number
  /** The cells in the format's order; `vectorCells` turns them into the model's record. */
  readonly vector: CellVector
  /** 表二 cells nobody has entered for the year (left blank, not 0). */
  readonly missingManualCells: CellAddress[]
  readonly manualFigures: ManualFigure[]
  /** Stored figures that do not fit the format (e.g. entered under another format's cells). */
  readonly ignoredFigures: ManualFigure[]
  /** Concluded cases whose outcome the mapping does not know (counted under （六）其他处理). */
  readonly unknownOutcomes: number
}

function groupBy<T extends { agency_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>()
  for (const r of rows) {
    const list = map.get(r.agency_id)
    if (list) list.push(r)
    else map.set(r.agency_id, [r])
  }
  return map
}

export async function computeTables(
  db: DB,
  agencies: AgencySet,
  agencyIds: readonly number[],
  year: number,
  format: ReportFormat,
  conventions: CountingConventions,
): Promise<Map<number, AgencyTables>> {
  const [{ flows, outcomes }, catalogue, appeals, figures] = await Promise.all([
    t3Rows(db, agencies, year),
    t2CatalogueRows(db, agencies, year, conventions.repealIncludesExpired),
    t4Rows(db, agencies, year, {
      scope: conventions.t4Scope,
      countCoDefendantAsReviewBody: conventions.countCoDefendantAsReviewBody,
    }),
    manualFigureRows(db, agencies, year),
  ])
  const byAgency = {
    flows: groupBy(flows),
    outcomes: groupBy(outcomes),
    catalogue: groupBy(catalogue),
    appeals: groupBy(appeals),
    figures: groupBy(figures),
  }
  const manual = [...formatIndex(format).manual]
  const result = new Map<number, AgencyTables>()
  for (const agencyId of agencyIds) {
    const vector = emptyVector(format)
    const unknownOutcomes = buildT3(
      format,
      vector,
      byAgency.flows.get(agencyId) ?? [],
      byAgency.outcomes.get(agencyId) ?? [],
    )
    buildT2Catalogue(format, vector, byAgency.catalogue.get(agencyId) ?? [])
    buildT4(format, vector, byAgency.appeals.get(agencyId) ?? [])
    const manualFigures: ManualFigure[] = []
    const ignoredFigures: ManualFigure[] = []
    const entered = new Set<string>()
    for (const f of byAgency.figures.get(agencyId) ?? []) {
      const figure = { cell: f.cell, value: f.value, source: f.source }
      const parsed = parseFigureValue(format, f.cell, f.value)
      if ('error' in parsed) {
        ignoredFigures.push(figure)
        continue
      }
      setCell(format, vector, f.cell, parsed.number)
      entered.add(f.cell)
      manualFigures.push(figure)
    }
    result.set(agencyId, {
      agencyId,
      vector,
      missingManualCells: manual.filter((c) => !entered.has(c)),
      manualFigures,
      ignoredFigures,
      unknownOutcomes,
    })
  }
  return result
}
