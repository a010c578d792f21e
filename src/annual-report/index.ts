/**
 * The annual report module (政府信息公开工作年度报告): formats as data, the report model, parsers, rules and
 * renderers. This file is the module's only public surface.
 */

// Parsing published reports (text, Markdown, HTML, DOCX, PDF) into the model.
export { parseReport, parseReportText, mapReport, detectInputKind } from './parse/index.ts'
export type { ParseOptions, ParsedReport, InputKind, SourceBlock } from './parse/index.ts'
// The catalogue metadata block (索引号, 主题分类, 发布机构, 发布时间, 标题) of a page, from its source blocks.
export { readMetadata, normaliseDate } from './parse/metadata.ts'
export type { CatalogueMetadata } from './model.ts'

// Rendering the model as HTML, flattened text, Word, PDF and JSON (one table layout for all).
export { renderHtml, renderText, renderDocx, renderPdf, renderJson, reportLayout } from './render/index.ts'
export type { RenderHtmlOptions, ReportLayout, SectionLayout } from './render/index.ts'

// Checking a report: 勾稽 rules, cross-year rules and plausibility checks, with Chinese findings.
export * from './rules/index.ts'
