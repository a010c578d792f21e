// Pure arithmetic of the computed report: aggregate rows (from the *.queries.ts files) → cells of 表二/三/四 in
// a format. Every cell of the format gets a value, so a computed report has no blanks except the 表二 figures
// nobody has entered yet.
import { OUTCOME_MAPPINGS } from '../../applications/index.ts'
import type { CaseOutcome } from '../../applications/index.ts'
import { formatCells } from '../formats/index.ts'
import type { CellAddress, ReportFormat } from '../formats/index.ts'

/** 法人或其他组织 subtypes with their own 表三 column (C7); any other organisation is 其他. */
export const ORG_SUBTYPE_COLUMNS: Readonly<Record<string, string>> = {
  commercial: 'commercial_enterprise',
  research: 'research_institution',
  public_interest: 'public_interest_org',
  legal_services: 'legal_service_org',
}

/** The 表三 column of an applicant, by the type in whose name the application was filed (C7). */
export function applicantColumn(type: string | null, subtype: string | null): string {
  if (type === 'natural_person') return 'natural_person'
  return (subtype !== null ? ORG_SUBTYPE_COLUMNS[subtype] : undefined) ?? 'other_org'
}

/** The 其他处理 row that takes outcomes the mapping does not know (3.其他 in 2021, （六） in 2019). */
export function fallbackOutcomeRow(format: ReportFormat): string {
  return format.key === 'gov2021' ? 'other_misc' : 'other_handling'
}

function isKnownOutcome(outcome: string | null): outcome is CaseOutcome {
  return outcome !== null && Object.hasOwn(OUTCOME_MAPPINGS, outcome)
}

/** The 表三 row an outcome is counted in (C3: one outcome, one row). */
export function outcomeRowKey(outcome: string | null, format: ReportFormat): string {
  return isKnownOutcome(outcome) ? OUTCOME_MAPPINGS[outcome][format.key] : fallbackOutcomeRow(format)
}

/** Outcomes counted in a 表三 row, and whether unknown outcomes fall into it too. */
export function outcomesOfRow(
  row: string,
  format: ReportFormat,
): { list: string[]; includeUnknown: boolean } {
  const list = (Object.keys(OUTCOME_MAPPINGS) as CaseOutcome[]).filter(
    (o) => OUTCOME_MAPPINGS[o][format.key] === row,
  )
  return { list, includeUnknown: row === fallbackOutcomeRow(format) }
}

export interface FlowCounts {
  applicant_type: string | null
  org_subtype: string | null
  new_received: number
  carried_over: number
  carried_forward: number
}

export interface OutcomeCount {
  applicant_type: string | null
  org_subtype: string | null
  outcome: string | null
  n: number
}

/** 表三 cells of one agency: every cell set, 总计 column and （七）总计 row summed from the parts. */
export function buildT3(
  format: ReportFormat,
  flows: readonly FlowCounts[],
  outcomes: readonly OutcomeCount[],
): { cells: Record<CellAddress, number>; unknownOutcomes: number } {
  const cells: Record<CellAddress, number> = {}
  for (const row of format.t3.rows) for (const col of format.t3.columns) cells[`t3.${row.key}.${col.key}`] = 0
  const add = (row: string, col: string, n: number) => {
    cells[`t3.${row}.${col}`] = (cells[`t3.${row}.${col}`] ?? 0) + n
    cells[`t3.${row}.total`] = (cells[`t3.${row}.total`] ?? 0) + n
  }
  for (const f of flows) {
    const col = applicantColumn(f.applicant_type, f.org_subtype)
    add('new_received', col, f.new_received)
    add('carried_over', col, f.carried_over)
    add('carried_forward', col, f.carried_forward)
  }
  let unknownOutcomes = 0
  for (const o of outcomes) {
    const col = applicantColumn(o.applicant_type, o.org_subtype)
    if (!isKnownOutcome(o.outcome)) unknownOutcomes += o.n
    add(outcomeRowKey(o.outcome, format), col, o.n)
    add('results_total', col, o.n)
  }
  return { cells, unknownOutcomes }
}

/** Where the balance 一+二=三（七）+四 fails, per 表三 column (empty when it holds). */
export function t3Imbalances(format: ReportFormat, cells: Readonly<Record<CellAddress, number>>): string[] {
  const v = (row: string, col: string) => cells[`t3.${row}.${col}`] ?? 0
  return format.t3.columns
    .filter(
      (c) =>
        v('new_received', c.key) + v('carried_over', c.key) !==
        v('results_total', c.key) + v('carried_forward', c.key),
    )
    .map((c) => c.key)
}

export interface CatalogueCounts {
  item_type: string
  issued: number
  repealed: number
  valid_at_end: number
  published_in_year: number
  published_by_end: number
}

const ITEM_TYPE_ROWS: Readonly<Record<string, string>> = {
  rule: 'rules',
  normative_document: 'normative_documents',
}

/** Which catalogue quantity fills each 表二 （一） column, per format. */
export const T2_CATALOGUE_COLUMNS: Readonly<Record<string, keyof Omit<CatalogueCounts, 'item_type'>>> = {
  issued_this_year: 'issued',
  repealed_this_year: 'repealed',
  currently_valid: 'valid_at_end',
  new_made_this_year: 'issued',
  new_published_this_year: 'published_in_year',
  total_published: 'published_by_end',
}

/** The 表二 block computed from the catalogue; every other block is entered by hand. */
export const CATALOGUE_BLOCK = 'art20_1'

/** 表二 cells entered by hand in a format (blocks （五）（六）（八）, and （九） in 2019). */
export function manualCells(format: ReportFormat): CellAddress[] {
  return formatCells(format)
    .filter((c) => c.table === 't2' && c.block !== CATALOGUE_BLOCK)
    .map((c) => c.address)
}

/** 表二 （一） cells from the catalogue counts (zeros when the agency has none). */
export function buildT2Catalogue(
  format: ReportFormat,
  rows: readonly CatalogueCounts[],
): Record<CellAddress, number> {
  const cells: Record<CellAddress, number> = {}
  const block = format.t2.blocks.find((b) => b.key === CATALOGUE_BLOCK)
  if (!block) return cells
  for (const row of block.rows) {
    for (const col of block.columns) {
      const itemType = Object.keys(ITEM_TYPE_ROWS).find((t) => ITEM_TYPE_ROWS[t] === row.key)
      const quantity = T2_CATALOGUE_COLUMNS[col.key]
      const counts = rows.find((r) => r.item_type === itemType)
      cells[`t2.${block.key}.${row.key}.${col.key}`] = counts && quantity ? counts[quantity] : 0
    }
  }
  return cells
}

/** The catalogue item type behind a 表二 （一） row. */
export function itemTypeOfRow(row: string): string | undefined {
  return Object.keys(ITEM_TYPE_ROWS).find((t) => ITEM_TYPE_ROWS[t] === row)
}

/** 表四 cells from counts by kind and outcome at the year's end; 总计 = the sum of the four outcomes. */
export function buildT4(
  format: ReportFormat,
  rows: readonly { kind: string; outcome_at_end: string; n: number }[],
): Record<CellAddress, number> {
  const cells: Record<CellAddress, number> = {}
  for (const col of format.t4.columns) cells[`t4.count.${col.key}`] = 0
  for (const r of rows) {
    const cell = `t4.count.${r.kind}_${r.outcome_at_end}`
    const total = `t4.count.${r.kind}_total`
    // A kind or outcome the format does not have cannot come from validated input; skip rather than invent a cell.
    if (!(cell in cells) || !(total in cells)) continue
    cells[cell] = (cells[cell] ?? 0) + r.n
    cells[total] = (cells[total] ?? 0) + r.n
  }
  return cells
}
