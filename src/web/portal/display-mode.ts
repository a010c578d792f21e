// The reader's display preferences without JavaScript: 字号 大/中/小 and 长者模式 (larger type, higher
// contrast). A link to /display sets a cookie and returns to the page; the page reads the cookie. Every
// rendered page depends on it, so it is part of the render cache key.

export type FontSize = 's' | 'm' | 'l'

export interface DisplayMode {
  readonly fontSize: FontSize
  /** 长者模式 */
  readonly elder: boolean
}

export const DISPLAY_COOKIE = 'gk_display'
export const DEFAULT_DISPLAY: DisplayMode = { fontSize: 'm', elder: false }

export const FONT_SIZE_LABELS: Readonly<Record<FontSize, string>> = { l: '大', m: '中', s: '小' }

function isFontSize(value: string): value is FontSize {
  return value === 's' || value === 'm' || value === 'l'
}

/** Parse the cookie value (`m`, `l-elder` …); anything unknown is the default. */
export function parseDisplayMode(value: string | undefined): DisplayMode {
  if (value === undefined) return DEFAULT_DISPLAY
  const [size = '', flag] = value.split('-')
  return { fontSize: isFontSize(size) ? size : 'm', elder: flag === 'elder' }
}

export function formatDisplayMode(mode: DisplayMode): string {
  return mode.elder ? `${mode.fontSize}-elder` : mode.fontSize
}

/** Classes on <body> that portal.css keys on. */
export function displayClasses(mode: DisplayMode): string {
  return `portal fs-${mode.fontSize}${mode.elder ? ' elder' : ''}`
}

/**
 * A same-site path to return to after changing the display: only `/…` paths of this site (never `//host` or
 * `/\host`, which browsers treat as another site).
 */
export function safeReturnPath(value: string | undefined): string {
  if (value === undefined || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return '/'
  }
  return value
}

/** The link that switches to `next` and comes back to `returnTo`. */
export function displayHref(next: DisplayMode, returnTo: string): string {
  return `/display?set=${formatDisplayMode(next)}&return=${encodeURIComponent(returnTo)}`
}
