// Site chrome that saved pages carry around the content: download and print links, view counters, font-size
// switches, sharing bars, and the footer (主办单位, 网站标识码, ICP/公安备案).

/** One chrome token; a line made only of these (and blanks or separators) is chrome. */
const CHROME_TOKEN = [
  '【[^】]{0,12}】',
  '\\[[^\\]]{0,12}\\]',
  '下载\\s*(?:Word|PDF|WPS|OFD)',
  '(?:浏览|阅读|点击|访问)(?:次数|量|数)?\\s*[:：]\\s*\\d*\\s*次?',
  '点击\\s*[:：]?',
  '(?:发布)?(?:时间|日期)\\s*[:：]\\s*[\\d\\-/.年月日:\\s]{0,24}',
  '来源\\s*[:：]\\s*\\S{0,20}',
  '字号\\s*[:：]?\\s*(?:[大中小]\\s*)*',
  '字体\\s*[:：]?\\s*(?:[大中小]\\s*)*',
  '分享到\\s*[:：]?',
  '打印(?:本页|此页|文章)?',
  '关闭(?:窗口|本页)?',
  '返回(?:顶部|首页|列表)?',
  '收藏',
  '纠错',
  '扫一扫[^\\s]{0,12}',
  '微信|微博|QQ空间',
  '当前位置\\s*[:：].*',
  '您现在的位置\\s*[:：].*',
  '首页\\s*[>＞»].*',
]
const CHROME_LINE = new RegExp(`^(?:[\\s|·•/、,，]*(?:${CHROME_TOKEN.join('|')}))+[\\s|·•/、,，]*$`, 'i')

/** Footer lines: site identity, filings and contact details. */
const FOOTER_LINE =
  /主办单位|承办单位|主办\s*[:：]|版权所有|Copyright|网站标识码|ICP\s*备|公网安备|政府网站找错|网站地图|联系我们|技术支持|建议使用.*浏览器|分辨率/i

/** True for a line that is site chrome only (download links, counters, print/close, breadcrumbs). */
export function isChromeLine(line: string): boolean {
  const text = line.trim()
  return text !== '' && text.length <= 120 && CHROME_LINE.test(text)
}

/** True for a footer line (主办单位, 网站标识码, ICP/公安备案, 联系我们 …). */
export function isFooterLine(line: string): boolean {
  const text = line.trim()
  return text !== '' && text.length <= 200 && FOOTER_LINE.test(text)
}

const VIEW_COUNT =
  /(?:浏览次数|浏览量|阅读次数|阅读量|点击数|点击量|点击次数|访问次数|访问量|点击|浏览)\s*[:：]?\s*(\d{1,12})\b/

/** The view count a page printed, e.g. `浏览次数：1234`; null when there is none. */
export function readViewCount(text: string): number | null {
  const m = VIEW_COUNT.exec(text)
  if (!m) return null
  const n = Number(m[1])
  return Number.isSafeInteger(n) ? n : null
}

const CHROME_DATE = /(?:时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/

/** A date printed in a chrome line (`时间:2021-12-31 点击:`), the fallback for 发布日期. */
export function readChromeDate(text: string): string | null {
  return CHROME_DATE.exec(text)?.[1] ?? null
}
