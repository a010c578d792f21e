// Input validation for indexing and searching (→ DomainError 'invalid_input' with Chinese messages).
import { z } from 'zod'
import { DomainError } from '../shared/domain-error.ts'
import { SEARCH_COUNT_CAP, SEARCH_MAX_LIMIT } from './search-document.ts'
import type { SearchDocument, SearchQuery } from './search-document.ts'

const id = z.number().int().positive().max(2_147_483_647)

const SearchDocumentSchema = z.object({
  id,
  agencyId: id,
  columnId: id,
  year: z.number().int().min(1900).max(2199),
  title: z.string().max(1000),
  docNumber: z.string().max(200),
  indexNumber: z.string().max(200),
  body: z.string().max(5_000_000),
  publishedAt: z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), '发布时间格式不正确')
    .refine(
      (s) => Date.parse(s) >= Date.parse('1900-01-01') && Date.parse(s) < Date.parse('2200-01-01'),
      '发布时间超出范围',
    ),
})

const SearchQuerySchema = z.object({
  text: z.string().max(200, '检索词过长（最多200字）'),
  agencyIds: z.array(id).max(100_000).optional(),
  columnId: id.optional(),
  year: z.number().int().min(1900).max(2199).optional(),
  limit: z.number().int().min(1).max(SEARCH_MAX_LIMIT),
  offset: z.number().int().min(0).max(SEARCH_COUNT_CAP, `最多显示前${SEARCH_COUNT_CAP}条结果`),
})

function parse<T>(schema: z.ZodType<T>, input: unknown, message: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const fields: Record<string, string> = {}
  for (const issue of result.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message
  throw new DomainError('invalid_input', message, fields)
}

export function parseSearchDocument(input: SearchDocument): SearchDocument {
  return parse(SearchDocumentSchema, input, '检索文档数据不正确')
}

export function parseSearchQuery(input: SearchQuery): SearchQuery {
  return parse(SearchQuerySchema, input, '检索条件不正确')
}
