// Fonts for generated documents. Word files name fonts (the reader's machine supplies them); PDFs embed one.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * A typeface as a list of family names, best first; the second is the one Word substitutes when the first is
 * missing. GB/T 9704 §7 prescribes 方正小标宋 for the title, 黑体 /
 * 楷体 for the first / second heading levels and 仿宋 for the body; the fallbacks are the same styles under the
 * names Windows, macOS and Linux (Noto / Source Han) ship them.
 */
export interface FontStack {
  /** Family names, best first. */
  families: readonly string[]
}

export const TITLE_FONT: FontStack = {
  // The second name is Word's substitute (docx-font-table.ts): 华文中宋 ships with Office in Chinese locales.
  families: [
    '方正小标宋简体',
    '华文中宋',
    '方正小标宋_GBK',
    'STZhongsong',
    'Noto Serif CJK SC',
    'Source Han Serif SC',
    '宋体',
    'SimSun',
  ],
}
export const HEADING_FONT: FontStack = {
  families: ['黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Source Han Sans SC'],
}
export const BODY_FONT: FontStack = {
  families: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
}
/** Tables use 宋体, the usual face for the small type of a 公文 table. */
export const TABLE_FONT: FontStack = {
  families: ['宋体', 'SimSun', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC'],
}
/** Latin digits and letters inside CJK text. */
export const LATIN_FONT: FontStack = { families: ['Times New Roman'] }

/** A CSS `font-family` value for a stack, ending with the generic family. */
export function cssFontFamily(stack: FontStack, generic: 'serif' | 'sans-serif' = 'serif'): string {
  return [...stack.families.map((f) => `'${f}'`), generic].join(', ')
}

/** The first family of a stack: Word stores one name per run and substitutes when it is missing. */
export function primaryFamily(stack: FontStack): string {
  return stack.families[0] ?? 'SimSun'
}

/** Weights of the embedded PDF font. */
export type PdfFontWeight = 'regular' | 'bold'

const PDF_FONT_FILES: Record<PdfFontWeight, string> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
}

const pdfFontCache = new Map<PdfFontWeight, Buffer>()

/**
 * The bytes of the Noto Serif SC TrueType font embedded in PDFs. Each file is ~15 MB, so it is read once per
 * process and kept; pdfkit subsets it to the glyphs a document uses.
 */
export function pdfFontBytes(weight: PdfFontWeight): Buffer {
  const cached = pdfFontCache.get(weight)
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const bytes = readFileSync(require.resolve(PDF_FONT_FILES[weight]))
  pdfFontCache.set(weight, bytes)
  return bytes
}

/** A font parsed by fontkit, the library pdfkit lays text out with; only its presence matters here. */
export interface ParsedFont {
  layout: (...args: never[]) => unknown
}

const parsedFontCache = new Map<PdfFontWeight, ParsedFont>()

/**
 * The embedded PDF font, parsed once per process. pdfkit parses font bytes anew for every document, which for
 * a 15 MB CJK font is half of a report's render time; it accepts an already parsed fontkit font instead.
 */
export function pdfFont(weight: PdfFontWeight): ParsedFont {
  const cached = parsedFontCache.get(weight)
  if (cached) return cached
  const fontkit = createRequire(import.meta.url)('fontkit') as { create: (bytes: Uint8Array) => ParsedFont }
  const font = fontkit.create(pdfFontBytes(weight))
  parsedFontCache.set(weight, font)
  return font
}
