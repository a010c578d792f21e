// Whitespace rules for Chinese text pulled out of HTML, DOCX and PDF. Publishing tools put spaces, line breaks and
// justification gaps inside labels ("情 形", "商业\n企业"); labels are matched exactly later, so they are removed
// wherever a CJK character sits on either side.

/** CJK ideographs, CJK punctuation, full-width forms and the curly quotes used in labels (“三安全一稳定”). */
const CJK =
  '\\u2018-\\u201f\\u2e80-\\u2fdf\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef'
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g')
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) +(?=[${CJK}])`, 'g')
const ANY_SPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g

/** Collapses every run of whitespace (including &nbsp; and the ideographic space) to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(ANY_SPACE, ' ').trim()
}

/** Collapsed, with the spaces between two CJK characters removed ("社会 公益 组织" → "社会公益组织"). */
export function joinCjk(text: string): string {
  const collapsed = collapseSpace(text)
  // Most cells and lines have no space left: skip the lookaround scan.
  return collapsed.includes(' ') ? collapsed.replace(SPACE_BETWEEN_CJK, '') : collapsed
}

/** Collapsed, with every space next to a CJK character removed ("2023 年 1 月" → "2023年1月"). For PDF text. */
export function tightCjk(text: string): string {
  return collapseSpace(text).replace(SPACE_NEXT_TO_CJK, '')
}

const CJK_AT_END = new RegExp(`[${CJK}]$`)
const CJK_AT_START = new RegExp(`^[${CJK}]`)

/** Joins two pieces of one cell or paragraph: nothing between CJK text, one space between Latin words. */
export function joinPieces(left: string, right: string): string {
  if (left === '') return right
  if (right === '') return left
  return CJK_AT_END.test(left) || CJK_AT_START.test(right) ? left + right : `${left} ${right}`
}
