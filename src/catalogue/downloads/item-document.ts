// What a 【下载Word】/【下载PDF】 file of a published item is made of: its own input shape, so the renderers do
// not depend on how the catalogue stores items.

/** One row of the catalogue metadata block (索引号, 主题分类, 发布机构, 成文日期, 发布日期, 文号, 有效性 …). */
export interface ItemMetadataEntry {
  label: string
  value: string
}

/** A published item as its download files show it. */
export interface ItemDocument {
  /** 标题 */
  title: string
  /** The metadata block, in display order. */
  metadata: ItemMetadataEntry[]
  /**
   * The body, already sanitised to p, h1-h4, strong, em, u, ul/ol/li, table/tr/td/th, br, a and img
   * (images are left out of the files).
   */
  bodyHtml: string
  /** The publishing agency, named as the author of the file. */
  agencyName: string
  /** Address of the item page, printed under the body. */
  url?: string
}
