// The report as JSON for machines: stable (sorted keys and lists) so equal reports give equal bytes.
import { SECTION_KEYS } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Copies a value with object keys in code-point order, dropping undefined fields. */
function sortKeys(value: unknown): Json {
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(sortKeys)
  if (typeof value === 'object') {
    const out: Record<string, Json> = {}
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key]
      if (v !== undefined) out[key] = sortKeys(v)
    }
    return out
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value
  return null
}

/**
 * The report as pretty-printed JSON: format, year, agency, title, metadata, sections (only those with text),
 * cells (address → number), blank (sorted addresses), and units / extra rows when present. Keys are sorted at
 * every level.
 */
export function renderJson(report: AnnualReport): string {
  const sections: Record<string, string> = {}
  for (const key of SECTION_KEYS) {
    const text = report.sections[key]
    if (text !== undefined && text.trim() !== '') sections[key] = text
  }
  const body = {
    format: report.format,
    year: report.year,
    agency: report.agency,
    title: report.title,
    metadata: report.metadata,
    sections,
    cells: report.cells,
    blank: [...new Set(report.blank)].sort(),
    units: report.units,
    extraRows: report.extraRows,
  }
  return `${JSON.stringify(sortKeys(body), null, 2)}\n`
}
