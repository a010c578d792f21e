// The 图解 as SVG, written by hand: every text escaped, CJK text with font-family fallbacks, no script. The
// image carries <title> and <desc> (role="img"); the pages put a data table beside it. Pure.
import type { AppealFigures, InfographicData } from './figures.ts'

export const INFOGRAPHIC_WIDTH = 960
export const INFOGRAPHIC_HEIGHT = 1010

/** Noto Serif SC first: the PNG rasteriser has exactly that font; browsers fall back to the system's. */
export const INFOGRAPHIC_FONT_FAMILY =
  "'Noto Serif SC', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', '宋体', serif"

const COLORS = {
  ink: '#1a1a1a',
  muted: '#555555',
  rule: '#d0d7de',
  card: '#f3f6f9',
  primary: '#1f4e79',
  series: ['#1f4e79', '#2e86c1', '#27ae60'],
  outcomes: ['#1f4e79', '#2e86c1', '#c0392b', '#8e44ad', '#d68910', '#7f8c8d'],
  appeals: { maintained: '#1f4e79', corrected: '#c0392b', other: '#d68910', pending: '#95a5a6' },
} as const

/** Text for an XML text node or attribute value; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** A count as printed: integers as is, other numbers with two decimals; never NaN or Infinity. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '0'
  return Number.isInteger(n) ? String(n) : n.toFixed(2)
}

/** A share of a whole with one decimal, e.g. `40.0%`; `—` when the whole is 0. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '—'
  return `${((part / whole) * 100).toFixed(1)}%`
}

/** A round top for an axis over values up to `max`, with about four steps. */
export function niceScale(max: number): { top: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 4, step: 1 }
  const rough = max / 4
  const mag = 10 ** Math.floor(Math.log10(rough))
  const norm = rough / mag
  const step = Math.max(1, (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag)
  return { top: Math.ceil(max / step) * step, step }
}

type Attrs = Record<string, string | number>

function attrs(a: Attrs): string {
  return Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === 'number' ? String(Math.round(v * 100) / 100) : v)}"`)
    .join('')
}

function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return `<text${attrs({ x, y, ...a })}>${escapeXml(content)}</text>`
}

function rect(x: number, y: number, width: number, height: number, a: Attrs = {}): string {
  return `<rect${attrs({ x, y, width: Math.max(0, width), height: Math.max(0, height), ...a })}/>`
}

function card(x: number, y: number, w: number, label: string, value: string, unit: string): string {
  return [
    rect(x, y, w, 80, { fill: COLORS.card, rx: 6 }),
    text(x + 14, y + 28, label, { 'font-size': 15, fill: COLORS.muted }),
    `<text${attrs({ x: x + 14, y: y + 64, 'font-size': 30, 'font-weight': 'bold', fill: COLORS.primary })}>${escapeXml(value)}<tspan${attrs({ 'font-size': 15, 'font-weight': 'normal', fill: COLORS.muted, dx: 4 })}>${escapeXml(unit)}</tspan></text>`,
  ].join('')
}

function heading(y: number, content: string): string {
  return [
    rect(30, y - 18, 5, 22, { fill: COLORS.primary }),
    text(44, y, content, { 'font-size': 19, 'font-weight': 'bold', fill: COLORS.ink }),
  ].join('')
}

function outcomeBars(d: InfographicData, top: number): string {
  const max = Math.max(1, ...d.outcomes.map((o) => o.value))
  const total = d.outcomes.reduce((s, o) => s + o.value, 0)
  return d.outcomes
    .map((o, i) => {
      const y = top + i * 30
      const w = (o.value / max) * 560
      return [
        text(150, y + 17, o.label, { 'font-size': 15, fill: COLORS.ink, 'text-anchor': 'end' }),
        rect(160, y + 3, w, 20, { fill: COLORS.outcomes[i % COLORS.outcomes.length] ?? COLORS.primary }),
        text(160 + w + 8, y + 18, `${formatCount(o.value)}件（${formatPercent(o.value, total)}）`, {
          'font-size': 14,
          fill: COLORS.ink,
        }),
      ].join('')
    })
    .join('')
}

const APPEAL_PARTS = [
  ['maintained', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const

function appealBar(y: number, label: string, f: AppealFigures, scaleMax: number): string {
  const out = [text(150, y + 17, label, { 'font-size': 15, fill: COLORS.ink, 'text-anchor': 'end' })]
  let x = 160
  for (const [key] of APPEAL_PARTS) {
    const w = (f[key] / scaleMax) * 560
    out.push(rect(x, y + 3, w, 20, { fill: COLORS.appeals[key] }))
    x += w
  }
  out.push(
    text(x + 8, y + 18, `共${formatCount(f.total)}件，纠正${formatCount(f.corrected)}件`, {
      'font-size': 14,
      fill: COLORS.ink,
    }),
  )
  return out.join('')
}

function legend(x: number, y: number, entries: readonly (readonly [string, string])[]): string {
  let cx = x
  return entries
    .map(([label, color]) => {
      const part =
        rect(cx, y - 11, 12, 12, { fill: color }) +
        text(cx + 17, y, label, { 'font-size': 13, fill: COLORS.muted })
      cx += 30 + label.length * 14
      return part
    })
    .join('')
}

const SERIES = [
  ['received', '本年新收申请'],
  ['concluded', '办结申请'],
  ['disclosed', '予以公开及部分公开'],
] as const

function trendChart(d: InfographicData, top: number): string {
  const left = 90
  const right = 930
  const height = 170
  const bottom = top + height
  const values = d.trend.flatMap((p) => SERIES.map(([k]) => p[k]))
  const { top: axisTop, step } = niceScale(Math.max(0, ...values))
  const out: string[] = []
  for (let v = 0; v <= axisTop; v += step) {
    const y = bottom - (v / axisTop) * height
    out.push(`<line${attrs({ x1: left, x2: right, y1: y, y2: y, stroke: COLORS.rule, 'stroke-width': 1 })}/>`)
    out.push(
      text(left - 8, y + 5, formatCount(v), { 'font-size': 12, fill: COLORS.muted, 'text-anchor': 'end' }),
    )
  }
  const slot = (right - left) / Math.max(1, d.trend.length)
  const barW = Math.min(36, (slot * 0.8) / SERIES.length)
  d.trend.forEach((p, i) => {
    const x0 = left + i * slot + (slot - barW * SERIES.length) / 2
    SERIES.forEach(([key], s) => {
      const h = (p[key] / axisTop) * height
      out.push(rect(x0 + s * barW, bottom - h, barW - 2, h, { fill: COLORS.series[s] ?? COLORS.primary }))
    })
    const weight = p.year === d.year ? 'bold' : 'normal'
    out.push(
      text(left + i * slot + slot / 2, bottom + 20, `${p.year}年`, {
        'font-size': 13,
        fill: COLORS.ink,
        'text-anchor': 'middle',
        'font-weight': weight,
      }),
    )
  })
  out.push(
    `<line${attrs({ x1: left, x2: right, y1: bottom, y2: bottom, stroke: COLORS.muted, 'stroke-width': 1 })}/>`,
  )
  out.push(
    legend(
      left,
      top - 14,
      SERIES.map(([, label], s) => [label, COLORS.series[s] ?? COLORS.primary] as const),
    ),
  )
  return out.join('')
}

/** A one-paragraph summary of the figures (the SVG's <desc>, and alt text for the PNG link). */
export function describeInfographic(d: InfographicData): string {
  const o = d.outcomes.map((x) => `${x.label}${formatCount(x.value)}件`).join('，')
  const trend = d.trend
    .map((p) => `${p.year}年新收${formatCount(p.received)}件、办结${formatCount(p.concluded)}件`)
    .join('；')
  return (
    `${d.year}年，本机关制发规章${formatCount(d.rulesIssued)}件、行政规范性文件${formatCount(d.normativeIssued)}件，` +
    `现行有效${formatCount(d.currentlyValid)}件。新收政府信息公开申请${formatCount(d.received)}件，` +
    `上年结转${formatCount(d.carriedOver)}件，办结${formatCount(d.concluded)}件，结转下年度${formatCount(d.carriedForward)}件。` +
    `办理结果：${o}。行政复议${formatCount(d.review.total)}件（纠正${formatCount(d.review.corrected)}件），` +
    `行政诉讼${formatCount(d.litigation.total)}件（纠正${formatCount(d.litigation.corrected)}件）。历年：${trend}。`
  )
}

export function infographicTitle(d: InfographicData): string {
  return `${d.agency}${d.year}年政府信息公开工作年度报告图解`
}

/** The whole image as an SVG document. */
export function renderInfographicSvg(d: InfographicData): string {
  const appealMax = Math.max(1, d.review.total, d.litigation.total)
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width: INFOGRAPHIC_WIDTH,
      height: INFOGRAPHIC_HEIGHT,
      viewBox: `0 0 ${INFOGRAPHIC_WIDTH} ${INFOGRAPHIC_HEIGHT}`,
      role: 'img',
      'aria-labelledby': 'tujie-title tujie-desc',
      'font-family': INFOGRAPHIC_FONT_FAMILY,
    })}>`,
    `<title id="tujie-title">${escapeXml(infographicTitle(d))}</title>`,
    `<desc id="tujie-desc">${escapeXml(describeInfographic(d))}</desc>`,
    rect(0, 0, INFOGRAPHIC_WIDTH, INFOGRAPHIC_HEIGHT, { fill: '#ffffff' }),
    text(INFOGRAPHIC_WIDTH / 2, 48, infographicTitle(d), {
      'font-size': 26,
      'font-weight': 'bold',
      fill: COLORS.ink,
      'text-anchor': 'middle',
    }),
    text(INFOGRAPHIC_WIDTH / 2, 76, '数据来自已发布的政府信息公开工作年度报告', {
      'font-size': 14,
      fill: COLORS.muted,
      'text-anchor': 'middle',
    }),
    heading(112, '主动公开（规章和行政规范性文件）'),
    card(30, 124, 290, '本年制发规章', formatCount(d.rulesIssued), '件'),
    card(335, 124, 290, '本年制发行政规范性文件', formatCount(d.normativeIssued), '件'),
    card(640, 124, 290, '现行有效', formatCount(d.currentlyValid), '件'),
    heading(236, '依申请公开'),
    card(30, 248, 215, '本年新收申请', formatCount(d.received), '件'),
    card(255, 248, 215, '上年结转', formatCount(d.carriedOver), '件'),
    card(480, 248, 215, '本年办结', formatCount(d.concluded), '件'),
    card(705, 248, 225, '结转下年度', formatCount(d.carriedForward), '件'),
    heading(360, '申请办理结果'),
    outcomeBars(d, 372),
    heading(580, '行政复议和行政诉讼'),
    appealBar(594, '行政复议', d.review, appealMax),
    appealBar(630, '行政诉讼', d.litigation, appealMax),
    legend(
      160,
      682,
      APPEAL_PARTS.map(([key, label]) => [label, COLORS.appeals[key]] as const),
    ),
    heading(730, '历年申请数量和办理结果'),
    trendChart(d, 776),
    text(INFOGRAPHIC_WIDTH / 2, 995, `${d.agency} · ${d.year}年度`, {
      'font-size': 12,
      fill: COLORS.muted,
      'text-anchor': 'middle',
    }),
    `</svg>`,
  ]
  return parts.join('\n')
}
