// The outline every renderer follows: title, metadata block, then the six sections in order, each with its
// heading, prose paragraphs and (for 二、三、四) its table. Renderers only decide how each piece looks.
import type { TableGrid } from '../../documents/index.ts'
import { FORMATS, expectedFormatForYear, type ReportFormat, type SectionKey } from '../formats/index.ts'
import type { AnnualReport } from '../model.ts'
import { t2Grid } from './t2-grid.ts'
import { t3Grid } from './t3-grid.ts'
import { t4Grid } from './t4-grid.ts'

/** One section as it is printed. */
export interface SectionLayout {
  key: SectionKey
  /** Heading with its ordinal, e.g. 一、总体情况. */
  heading: string
  /** Prose paragraphs (the section text split at line breaks, empty lines dropped). */
  paragraphs: string[]
  table?: TableGrid
}

/** A report laid out for printing. */
export interface ReportLayout {
  format: ReportFormat
  title: string
  /** The catalogue metadata block as printed (label, value), in the order it was read. */
  metadata: { label: string; value: string }[]
  sections: SectionLayout[]
}

/** Title as printed, or the usual form 《<机关><年>年政府信息公开工作年度报告》 built from agency and year. */
export function reportTitle(report: AnnualReport): string {
  if (report.title) return report.title
  const year = report.year === null ? '' : `${report.year}年`
  return `${report.agency ?? ''}${year}政府信息公开工作年度报告`
}

/** The format to print a report on: its own, else the one its year calls for, else the current one. */
export function layoutFormat(report: AnnualReport): ReportFormat {
  if (report.format) return FORMATS[report.format]
  return FORMATS[report.year === null ? 'gov2021' : expectedFormatForYear(report.year)]
}

/** Splits section text into paragraphs. */
export function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** Lays out a report on its format. */
export function reportLayout(report: AnnualReport): ReportLayout {
  const format = layoutFormat(report)
  const tables = { t2: t2Grid, t3: t3Grid, t4: t4Grid } as const
  return {
    format,
    title: reportTitle(report),
    metadata: Object.entries(report.metadata?.raw ?? {}).map(([label, value]) => ({ label, value })),
    sections: format.sections.map((section) => ({
      key: section.key,
      heading: `${section.number}、${section.label}`,
      paragraphs: paragraphsOf(report.sections[section.key]),
      ...(section.table ? { table: tables[section.table](format, report) } : {}),
    })),
  }
}
