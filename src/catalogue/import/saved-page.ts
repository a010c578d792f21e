// What `readSavedPage` gives back for a page saved from another government site: the catalogue metadata it
// printed, the body (sanitised), and what could not be read.

export interface SavedPage {
  /** 标题 */
  title: string | null
  /** 索引号, as printed. */
  indexNumber: string | null
  /** 主题分类, as printed. */
  topic: string | null
  /** 发布机构 */
  publisher: string | null
  /** 成文日期, YYYY-MM-DD. */
  writtenOn: string | null
  /** 发布日期, YYYY-MM-DD. */
  publishedOn: string | null
  /** 文号 */
  docNumber: string | null
  /** 有效性, as printed (有效, 失效, 废止 …). */
  validity: string | null
  /** 关键词 / 主题词 */
  keywords: string | null
  /** 内容概述 */
  summary: string | null
  /** 浏览次数 as the page showed it. */
  viewCount: number | null
  /** The body, sanitised to p, h2-h4, strong, em, u, ul/ol/li, table (caption, th, td with spans), br, a. */
  bodyHtml: string
  /** The body as plain text, one paragraph (or table row, cells tab-separated) per line. */
  bodyText: string
  /** What was missing or not understood, in Chinese, for the person importing. */
  problems: string[]
}
