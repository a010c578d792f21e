// The 图解 of a published annual report: figures, the SVG builder, the PNG rasteriser and the operation.
export { getInfographic, InfographicKeySchema } from './operations/get-infographic.ts'
export type { Infographic, InfographicKey } from './operations/get-infographic.ts'
export { infographicData, outcomeShares, trendPoint } from './figures.ts'
export type { AppealFigures, InfographicData, OutcomeShare, TrendPoint } from './figures.ts'
export {
  describeInfographic,
  escapeXml,
  formatCount,
  formatPercent,
  infographicTitle,
  INFOGRAPHIC_HEIGHT,
  INFOGRAPHIC_WIDTH,
  niceScale,
  renderInfographicSvg,
} from './svg.ts'
export { rasteriseSvg } from './png.ts'
