/**
 * The annual report module (政府信息公开工作年度报告): formats as data, the report model, parsers, rules and
 * renderers. This file is the module's only public surface.
 */

// Parsing published reports (text, Markdown, HTML, DOCX, PDF) into the model.
export { parseReport, parseReportText, mapReport, detectInputKind } from './parse/index.ts'
export type { ParseOptions, ParsedReport, InputKind, SourceBlock } from './parse/index.ts'

// Rendering the model as HTML, flattened text, Word, PDF and JSON (one table layout for all).
export { renderHtml, renderText, renderDocx, renderPdf, renderJson, reportLayout } from './render/index.ts'
export type { RenderHtmlOptions, ReportLayout, SectionLayout } from './render/index.ts'
