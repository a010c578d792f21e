import type { ItemDocument } from './item-document.ts'

/** The line under the body naming where the file comes from: 来源 and, when known, the page address. */
export function sourceLine(item: Pick<ItemDocument, 'agencyName' | 'url'>): string {
  const url = item.url === undefined || item.url === '' ? '' : `\u3000网址：${item.url}`
  return `来源：${item.agencyName}${url}`
}
