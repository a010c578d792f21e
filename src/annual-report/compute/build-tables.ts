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

/**
 * The cells of one report as a vector in the format's printed order (`formatCells`): an aggregation over
 * 10,000 agencies builds, checks and sums vectors, and only turns a report into a `Record` when it is shown.
 * `present[i]` is 0 for a cell nobody has entered (a blank hand-entered 表二 figure).
 */
export interface CellVector {
  readonly values: Float64Array
  readonly present: Uint8Array
}

interface FormatIndex {
  readonly addresses: readonly CellAddress[]
  readonly at: ReadonlyMap<CellAddress, number>
  /** 表三 row → column → position. */
  readonly t3: ReadonlyMap<string, ReadonlyMap<string, number>>
  readonly t3Columns: readonly string[]
  /** Positions of the cells set from records (everything but the hand-entered 表二 cells). */
  readonly computed: readonly number[]
  readonly manual: ReadonlySet<CellAddress>
}

const indexes = new Map<string, FormatIndex>()

/** Positions of a format's cells, computed once per format. */
export function formatIndex(format: ReportFormat): FormatIndex {
  const cached = indexes.get(format.key)
  if (cached) return cached
  const cells = formatCells(format)
  const at = new Map(cells.map((c, i) => [c.address, i]))
  const t3 = new Map<string, Map<string, number>>()
  cells.forEach((c, i) => {
    if (c.table !== 't3') return
    const row = t3.get(c.row) ?? new Map<string, number>()
    row.set(c.column, i)
    t3.set(c.row, row)
  })
  const manual = new Set(
    cells.filter((c) => c.table === 't2' && c.block !== CATALOGUE_BLOCK).map((c) => c.address),
  )
  const index: FormatIndex = {
    addresses: cells.map((c) => c.address),
    at,
    t3,
    t3Columns: format.t3.columns.map((c) => c.key),
    computed: cells.flatMap((c, i) => (manual.has(c.address) ? [] : [i])),
    manual,
  }
  indexes.set(format.key, index)
  return index
}

/** A vector with every computed cell present and 0, hand-entered cells absent. */
export function emptyVector(format: ReportFormat): CellVector {
  const index = formatIndex(format)
  const v = {
    values: new Float64Array(index.addresses.length),
    present: new Uint8Array(index.addresses.length),
  }
  for (const i of index.computed) v.present[i] = 1
  return v
}

/** Set a cell (hand-entered figures); false when the format has no such cell. */
export function setCell(format: ReportFormat, v: CellVector, address: CellAddress, value: number): boolean {
  const i = formatIndex(format).at.get(address)
  if (i === undefined) return false
  v.values[i] = value
  v.present[i] = 1
  return true
}

/** The vector as the model's `cells` record (present cells only) and `blank` list. */
export function vectorCells(
  format: ReportFormat,
  v: CellVector,
): { cells: Record<CellAddress, number>; blank: CellAddress[] } {
  const cells: Record<CellAddress, number> = {}
  const blank: CellAddress[] = []
  formatIndex(format).addresses.forEach((a, i) => {
    if (v.present[i]) cells[a] = v.values[i] ?? 0
    else blank.push(a)
  })
  return { cells, blank }
}

function addT3(index: FormatIndex, v: CellVector, row: string, col: string, n: number): void {
  const cols = index.t3.get(row)
  const i = cols?.get(col)
  const total = cols?.get('total')
  if (i === undefined || total === undefined) return
  v.values[i] = (v.values[i] ?? 0) + n
  v.values[total] = (v.values[total] ?? 0) + n
}

/** 表三 into `v`: every cell set, 总计 column and （七）总计 row summed from the parts. Returns unknown outcomes. */
export function buildT3(
  format: ReportFormat,
  v: CellVector,
  flows: readonly FlowCounts[],
  outcomes: readonly OutcomeCount[],
): number {
  const index = formatIndex(format)
  for (const f of flows) {
    const col = applicantColumn(f.applicant_type, f.org_subtype)
    addT3(index, v, 'new_received', col, f.new_received)
    addT3(index, v, 'carried_over', col, f.carried_over)
    addT3(index, v, 'carried_forward', col, f.carried_forward)
  }
  let unknownOutcomes = 0
  for (const o of outcomes) {
    const col = applicantColumn(o.applicant_type, o.org_subtype)
    if (!isKnownOutcome(o.outcome)) unknownOutcomes += o.n
    addT3(index, v, outcomeRowKey(o.outcome, format), col, o.n)
    addT3(index, v, 'results_total', col, o.n)
  }
  return unknownOutcomes
}

/** Where the balance 一+二=三（七）+四 fails, per 表三 column (empty when it holds). */
export function t3Imbalances(format: ReportFormat, v: CellVector): string[] {
  const index = formatIndex(format)
  const get = (row: string, col: string) => v.values[index.t3.get(row)?.get(col) ?? -1] ?? 0
  return index.t3Columns.filter(
    (c) =>
      get('new_received', c) + get('carried_over', c) !== get('results_total', c) + get('carried_forward', c),
  )
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
  return [...formatIndex(format).manual]
}

/** Whether a cell of the format is entered by hand. */
export function isManualCell(format: ReportFormat, address: CellAddress): boolean {
  return formatIndex(format).manual.has(address)
}

/** 表二 （一） cells into `v` from the catalogue counts. */
export function buildT2Catalogue(
  format: ReportFormat,
  v: CellVector,
  rows: readonly CatalogueCounts[],
): void {
  const block = format.t2.blocks.find((b) => b.key === CATALOGUE_BLOCK)
  if (!block) return
  for (const counts of rows) {
    const row = ITEM_TYPE_ROWS[counts.item_type]
    if (row === undefined) continue
    for (const col of block.columns) {
      const quantity = T2_CATALOGUE_COLUMNS[col.key]
      if (quantity) setCell(format, v, `t2.${block.key}.${row}.${col.key}`, counts[quantity])
    }
  }
}

/** The catalogue item type behind a 表二 （一） row. */
export function itemTypeOfRow(row: string): string | undefined {
  return Object.keys(ITEM_TYPE_ROWS).find((t) => ITEM_TYPE_ROWS[t] === row)
}

/** 表四 into `v` from counts by kind and outcome at the year's end; 总计 = the sum of the four outcomes. */
export function buildT4(
  format: ReportFormat,
  v: CellVector,
  rows: readonly { kind: string; outcome_at_end: string; n: number }[],
): void {
  const index = formatIndex(format)
  for (const r of rows) {
    const cell = index.at.get(`t4.count.${r.kind}_${r.outcome_at_end}`)
    const total = index.at.get(`t4.count.${r.kind}_total`)
    // A kind or outcome the format does not have cannot come from validated input; skip rather than invent a cell.
    if (cell === undefined || total === undefined) continue
    v.values[cell] = (v.values[cell] ?? 0) + r.n
    v.values[total] = (v.values[total] ?? 0) + r.n
  }
}
