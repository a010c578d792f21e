// The text layer of one page, item by item as pdfjs's getTextContent builds it (pdf.worker.mjs, 5.x): glyphs
// printed one after another join into an item; a gap of a space's width becomes a space; a jump back, to
// another line or a change of font starts a new item. The rules and thresholds below are pdfjs's, so the
// geometry code downstream sees the same items whichever reader produced them.
import type { PdfTextItem } from '../pdf-geometry.ts'
import { loadFont, type TextFont } from './fonts.ts'
import {
  Lexer,
  PdfKeyword,
  PdfName,
  PdfStream,
  UnsupportedPdf,
  type PdfDict,
  type PdfValue,
} from './lexer.ts'
import type { PdfFile, PdfPageInfo } from './pdf-file.ts'

type Matrix = number[]

interface TextState {
  ctm: Matrix
  fontName: string | null
  fontSize: number
  font: TextFont | null
  textMatrix: Matrix
  textLineMatrix: Matrix
  charSpacing: number
  wordSpacing: number
  leading: number
  textHScale: number
  textRise: number
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]
const FONT_SCALE = 0.001
const TRACKING_SPACE_FACTOR = 0.102
const NOT_A_SPACE_FACTOR = 0.03
const NEGATIVE_SPACE_FACTOR = -0.2
const SPACE_IN_FLOW_MIN_FACTOR = 0.102
const SPACE_IN_FLOW_MAX_FACTOR = 0.6
const VERTICAL_SHIFT_RATIO = 0.25
const MAX_FORM_DEPTH = 12
// pdfjs's getCharUnicodeCategory and normalizeUnicode.
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu

interface Category {
  isWhitespace: boolean
  isZeroWidthDiacritic: boolean
  isInvisibleFormatMark: boolean
}
const categories = new Map<string, Category>()

function category(char: string): Category {
  let c = categories.get(char)
  if (!c) {
    const groups = SPECIAL_CHAR.exec(char)
    c = {
      isWhitespace: !!groups?.[1],
      isZeroWidthDiacritic: !!groups?.[2],
      isInvisibleFormatMark: !!groups?.[3],
    }
    categories.set(char, c)
  }
  return c
}

function normalize(text: string): string {
  return text.replace(NORMALIZE, (_, p1: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'))
}

function multiply(m1: Matrix, m2: Matrix): Matrix {
  const [a1 = 0, b1 = 0, c1 = 0, d1 = 0, e1 = 0, f1 = 0] = m1
  const [a2 = 0, b2 = 0, c2 = 0, d2 = 0, e2 = 0, f2 = 0] = m2
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ]
}

function translate(m: Matrix, x: number, y: number): void {
  m[4] = (m[0] ?? 0) * x + (m[2] ?? 0) * y + (m[4] ?? 0)
  m[5] = (m[1] ?? 0) * x + (m[3] ?? 0) * y + (m[5] ?? 0)
}

function initialState(): TextState {
  return {
    ctm: IDENTITY.slice(),
    fontName: null,
    fontSize: 0,
    font: null,
    textMatrix: IDENTITY.slice(),
    textLineMatrix: IDENTITY.slice(),
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  }
}

function cloneState(s: TextState): TextState {
  return {
    ctm: s.ctm,
    fontName: s.fontName,
    fontSize: s.fontSize,
    font: s.font,
    textMatrix: s.textMatrix.slice(),
    textLineMatrix: s.textLineMatrix.slice(),
    charSpacing: s.charSpacing,
    wordSpacing: s.wordSpacing,
    leading: s.leading,
    textHScale: s.textHScale,
    textRise: s.textRise,
  }
}

/** Fonts are read once per document (keyed by their dictionary). */
export type FontCache = Map<PdfDict, TextFont>

/** The text items of a page (spaces and line ends, which the geometry code skips, are not returned). */
export function pageTextItems(file: PdfFile, page: PdfPageInfo, fonts: FontCache): PdfTextItem[] {
  const items: PdfTextItem[] = []
  readContent(file, page.contents, page.resources, initialState(), page.view, fonts, items, [])
  return items
}

function readContent(
  file: PdfFile,
  content: Uint8Array,
  resources: PdfDict,
  start: TextState,
  view: number[],
  fonts: FontCache,
  out: PdfTextItem[],
  forms: readonly PdfStream[],
): void {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view
  let state = start
  const saved: TextState[] = []
  let lastFontName: string | null = state.fontName
  let lastFontSize = state.fontSize

  // The item being built (pdfjs's textContentItem).
  let initialized = false
  const str: string[] = []
  let totalWidth = 0
  let totalHeight = 0
  let width = 0
  let height = 0
  let vertical = false
  let prevTransform: Matrix | null = null
  let textAdvanceScale = 0
  let spaceInFlowMin = 0
  let spaceInFlowMax = 0
  let trackingSpaceMin = Infinity
  let negativeSpaceMax = -Infinity
  let notASpace = -Infinity
  let transform: Matrix = IDENTITY
  const twoLastChars = [' ', ' ']
  let twoLastCharsPos = 0

  const saveLastChar = (char: string): boolean => {
    const nextPos = (twoLastCharsPos + 1) % 2
    const ret = twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[nextPos] === ' '
    twoLastChars[twoLastCharsPos] = char
    twoLastCharsPos = nextPos
    return ret
  }
  const shouldAddWhitespace = (): boolean =>
    twoLastChars[twoLastCharsPos] !== ' ' && twoLastChars[(twoLastCharsPos + 1) % 2] === ' '
  const resetLastChars = (): void => {
    twoLastChars[0] = twoLastChars[1] = ' '
    twoLastCharsPos = 0
  }
  /** ctm × textMatrix × [fontSize·hScale 0 0 fontSize 0 rise], written out (it runs twice per glyph). */
  const currentTransform = (): Matrix => {
    const [t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0] = state.textMatrix
    const [c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0, c5 = 0] = state.ctm
    const sx = state.fontSize * state.textHScale
    const sy = state.fontSize
    const rise = state.textRise
    const a = t0 * sx
    const b = t1 * sx
    const c = t2 * sy
    const d = t3 * sy
    const e = t2 * rise + t4
    const f = t3 * rise + t5
    return [
      c0 * a + c2 * b,
      c1 * a + c3 * b,
      c0 * c + c2 * d,
      c1 * c + c3 * d,
      c0 * e + c2 * f + c4,
      c1 * e + c3 * f + c5,
    ]
  }
  const advanceScale = (): number =>
    Math.hypot(state.textLineMatrix[0] ?? 0, state.textLineMatrix[1] ?? 0) *
    Math.hypot(state.ctm[0] ?? 0, state.ctm[1] ?? 0)

  const flush = (): void => {
    if (!initialized) return
    if (!vertical) totalWidth += width * textAdvanceScale
    else totalHeight += height * textAdvanceScale
    out.push({
      str: normalize(str.join('')),
      x: transform[4] ?? 0,
      y: transform[5] ?? 0,
      width: Math.abs(totalWidth),
      height: Math.abs(totalHeight),
      vertical,
    })
    initialized = false
    str.length = 0
  }
  const ensureItem = (): void => {
    if (initialized) return
    const font = state.font
    const trm = (transform = currentTransform())
    if (!font?.vertical) {
      width = totalWidth = 0
      height = totalHeight = Math.hypot(trm[2] ?? 0, trm[3] ?? 0)
      vertical = false
    } else {
      width = totalWidth = Math.hypot(trm[0] ?? 0, trm[1] ?? 0)
      height = totalHeight = 0
      vertical = true
    }
    textAdvanceScale = advanceScale()
    const { fontSize } = state
    trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR
    notASpace = fontSize * NOT_A_SPACE_FACTOR
    negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR
    spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR
    spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR
    initialized = true
  }
  const updateAdvanceScale = (): void => {
    if (!initialized) return
    const scale = advanceScale()
    if (scale === textAdvanceScale) return
    if (!vertical) {
      totalWidth += width * textAdvanceScale
      width = 0
    } else {
      totalHeight += height * textAdvanceScale
      height = 0
    }
    textAdvanceScale = scale
  }
  const appendEOL = (): void => {
    resetLastChars()
    if (initialized) flush()
  }
  /** A gap: a space inside the item when it is about a space wide, else the item ends. */
  const addFakeSpaces = (gap: number, orientation: number): boolean => {
    if (orientation * spaceInFlowMin <= gap && gap <= orientation * spaceInFlowMax) {
      if (initialized) {
        resetLastChars()
        str.push(' ')
      }
      return false
    }
    flush()
    resetLastChars()
    return true
  }

  const compareWithLastPosition = (glyphWidth: number): boolean => {
    const current = currentTransform()
    let posX = current[4] ?? 0
    let posY = current[5] ?? 0
    if (state.font?.vertical) {
      if (posX < vx0 || posX > vx1 || posY + glyphWidth < vy0 || posY > vy1) return false
    } else if (posX + glyphWidth < vx0 || posX > vx1 || posY < vy0 || posY > vy1) {
      return false
    }
    if (!state.font || !prevTransform) return true
    let lastPosX = prevTransform[4] ?? 0
    let lastPosY = prevTransform[5] ?? 0
    if (lastPosX === posX && lastPosY === posY) return true
    const [a = 0, b = 0, c = 0, d = 0] = current
    if (a && b === 0 && c === 0) {
      if (a < 0) [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY]
    } else if (b && a === 0 && d === 0) {
      if (b > 0) {
        ;[posX, posY] = [posY, posX]
        ;[lastPosX, lastPosY] = [lastPosY, lastPosX]
      } else {
        ;[posX, posY] = [-posY, -posX]
        ;[lastPosX, lastPosY] = [-lastPosY, -lastPosX]
      }
    } else {
      ;[posX, posY] = inverseRotation(posX, posY, current)
      ;[lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, prevTransform)
    }
    if (state.font.vertical) {
      const advanceY = (lastPosY - posY) / textAdvanceScale
      const advanceX = posX - lastPosX
      const orientation = Math.sign(height || totalHeight)
      if (advanceY < orientation * negativeSpaceMax) {
        if (Math.abs(advanceX) > 0.5 * width) {
          appendEOL()
          return true
        }
        resetLastChars()
        flush()
        return true
      }
      if (Math.abs(advanceX) > width) {
        appendEOL()
        return true
      }
      if (advanceY <= orientation * notASpace) resetLastChars()
      if (advanceY <= orientation * trackingSpaceMin) {
        if (shouldAddWhitespace()) {
          resetLastChars()
          flush()
        } else {
          height += advanceY
        }
      } else if (!addFakeSpaces(advanceY, orientation)) {
        if (str.length === 0) resetLastChars()
        else height += advanceY
      }
      if (Math.abs(advanceX) > width * VERTICAL_SHIFT_RATIO) flush()
      return true
    }
    const advanceX = (posX - lastPosX) / textAdvanceScale
    const advanceY = posY - lastPosY
    const orientation = Math.sign(width || totalWidth)
    if (advanceX < orientation * negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * height) {
        appendEOL()
        return true
      }
      resetLastChars()
      flush()
      return true
    }
    if (Math.abs(advanceY) > height) {
      appendEOL()
      return true
    }
    if (advanceX <= orientation * notASpace) resetLastChars()
    if (advanceX <= orientation * trackingSpaceMin) {
      if (shouldAddWhitespace()) {
        resetLastChars()
        flush()
      } else {
        width += advanceX
      }
    } else if (!addFakeSpaces(advanceX, orientation)) {
      if (str.length === 0) resetLastChars()
      else width += advanceX
    }
    if (Math.abs(advanceY) > height * VERTICAL_SHIFT_RATIO) flush()
    return true
  }

  const showText = (chars: string, extraSpacing: number): void => {
    if (lastFontName !== state.fontName || lastFontSize !== state.fontSize) {
      flush()
      lastFontName = state.fontName
      lastFontSize = state.fontSize
    }
    const font = state.font
    if (!font) return
    if (!chars) {
      const spacing = state.charSpacing + extraSpacing
      if (spacing) {
        if (!font.vertical) translate(state.textMatrix, spacing * state.textHScale, 0)
        else translate(state.textMatrix, 0, -spacing)
      }
      return
    }
    const glyphs = font.glyphs(chars)
    const scale = FONT_SCALE * state.fontSize
    for (let i = 0; i < glyphs.length; i++) {
      const glyph = glyphs[i]
      if (!glyph) continue
      const cat = category(glyph.unicode)
      if (cat.isInvisibleFormatMark) continue
      let spacing = state.charSpacing + (i + 1 === glyphs.length ? extraSpacing : 0)
      let glyphWidth = glyph.width
      if (font.vertical) glyphWidth = glyph.vy ?? -glyphWidth
      let scaledDim = glyphWidth * scale
      if (glyph.code === 0x20) spacing += state.wordSpacing
      if (cat.isWhitespace) {
        if (!font.vertical) {
          spacing += scaledDim
          translate(state.textMatrix, spacing * state.textHScale, 0)
        } else {
          spacing += -scaledDim
          translate(state.textMatrix, 0, -spacing)
        }
        saveLastChar(' ')
        continue
      }
      if (!cat.isZeroWidthDiacritic && !compareWithLastPosition(scaledDim)) {
        if (!font.vertical) translate(state.textMatrix, scaledDim * state.textHScale, 0)
        else translate(state.textMatrix, 0, scaledDim)
        continue
      }
      ensureItem()
      if (cat.isZeroWidthDiacritic) scaledDim = 0
      if (!font.vertical) {
        scaledDim *= state.textHScale
        translate(state.textMatrix, scaledDim, 0)
        width += scaledDim
      } else {
        translate(state.textMatrix, 0, scaledDim)
        scaledDim = Math.abs(scaledDim)
        height += scaledDim
      }
      if (scaledDim) prevTransform = currentTransform()
      if (saveLastChar(glyph.unicode)) str.push(' ')
      str.push(glyph.unicode)
      if (spacing) {
        if (!font.vertical) translate(state.textMatrix, spacing * state.textHScale, 0)
        else translate(state.textMatrix, 0, -spacing)
      }
    }
  }

  const setFont = (name: string, size: number): void => {
    if (state.font && name === state.fontName && size === state.fontSize) return
    state.fontName = name
    state.fontSize = size
    const dict = file.dict(file.dict(resources.get('Font'))?.get(name))
    if (!dict) throw new UnsupportedPdf(`font ${name} not found`)
    let font = fonts.get(dict)
    if (!font) {
      font = loadFont(file, dict)
      fonts.set(dict, font)
    }
    state.font = font
  }

  const carriageReturn = (): void => {
    translate(state.textLineMatrix, 0, -state.leading)
    state.textMatrix = state.textLineMatrix.slice()
  }

  const paintForm = (name: string): void => {
    flush()
    const xobject = file.resolve(file.dict(resources.get('XObject'))?.get(name))
    if (!(xobject instanceof PdfStream)) return
    const subtype = file.resolve(xobject.dict.get('Subtype'))
    if (!(subtype instanceof PdfName) || subtype.name !== 'Form') return
    // A form drawing itself (directly or not) is drawn once, as pdfjs does; nesting is bounded anyway.
    if (forms.includes(xobject) || forms.length >= MAX_FORM_DEPTH) return
    const formState = cloneState(state)
    const matrix = file.array(xobject.dict.get('Matrix'))
    if (matrix?.length === 6 && matrix.every((v) => typeof v === 'number')) {
      formState.ctm = multiply(formState.ctm, matrix)
    }
    const formResources = file.dict(xobject.dict.get('Resources')) ?? resources
    const bytes = file.streamBytes(xobject) ?? new Uint8Array()
    readContent(file, bytes, formResources, formState, view, fonts, out, [...forms, xobject])
  }

  const lexer = new Lexer(content)
  const args: PdfValue[] = []
  const num = (i: number): number => {
    const v = args[args.length - 1 - i]
    return typeof v === 'number' ? v : 0
  }
  for (;;) {
    const token = lexer.value()
    if (token === undefined) break
    if (!(token instanceof PdfKeyword)) {
      args.push(token)
      continue
    }
    switch (token.word) {
      case 'q':
        saved.push(state)
        state = cloneState(state)
        break
      case 'Q':
        state = saved.pop() ?? state
        break
      case 'cm':
        if (args.length >= 6) {
          state.ctm = multiply(state.ctm, [num(5), num(4), num(3), num(2), num(1), num(0)])
        }
        break
      case 'BT':
        state.textMatrix = IDENTITY.slice()
        state.textLineMatrix = IDENTITY.slice()
        break
      case 'Tf': {
        const name = args[args.length - 2]
        if (name instanceof PdfName && typeof args[args.length - 1] === 'number') setFont(name.name, num(0))
        break
      }
      case 'Ts':
        if (args.length >= 1) state.textRise = num(0)
        break
      case 'Tz':
        if (args.length >= 1) state.textHScale = num(0) / 100
        break
      case 'TL':
        if (args.length >= 1) state.leading = num(0)
        break
      case 'Tc':
        if (args.length >= 1) state.charSpacing = num(0)
        break
      case 'Tw':
        if (args.length >= 1) state.wordSpacing = num(0)
        break
      case 'Td':
        if (args.length >= 2) {
          translate(state.textLineMatrix, num(1), num(0))
          state.textMatrix = state.textLineMatrix.slice()
        }
        break
      case 'TD':
        if (args.length >= 2) {
          state.leading = -num(0)
          translate(state.textLineMatrix, num(1), num(0))
          state.textMatrix = state.textLineMatrix.slice()
        }
        break
      case 'T*':
        carriageReturn()
        break
      case 'Tm':
        if (args.length >= 6) {
          const m = [num(5), num(4), num(3), num(2), num(1), num(0)]
          state.textMatrix = m.slice()
          state.textLineMatrix = m
          updateAdvanceScale()
        }
        break
      case 'Tj': {
        const s = args[args.length - 1]
        if (typeof s === 'string' && state.font) showText(s, 0)
        break
      }
      case "'": {
        const s = args[args.length - 1]
        if (typeof s === 'string' && state.font) {
          carriageReturn()
          showText(s, 0)
        }
        break
      }
      case '"': {
        const s = args[args.length - 1]
        if (typeof s === 'string' && args.length >= 3 && state.font) {
          state.wordSpacing = num(2)
          state.charSpacing = num(1)
          carriageReturn()
          showText(s, 0)
        }
        break
      }
      case 'TJ': {
        const elements = args[args.length - 1]
        if (!Array.isArray(elements) || !state.font) break
        const spaceFactor = ((state.font.vertical ? 1 : -1) * state.fontSize) / 1000
        let buffer = ''
        for (const element of elements) {
          if (typeof element === 'string') {
            buffer += element
          } else if (typeof element === 'number' && element !== 0) {
            showText(buffer, element * spaceFactor)
            buffer = ''
          }
        }
        if (buffer) showText(buffer, 0)
        break
      }
      case 'Do': {
        const name = args[args.length - 1]
        if (name instanceof PdfName) paintForm(name.name)
        break
      }
      case 'gs': {
        const name = args[args.length - 1]
        const gs =
          name instanceof PdfName ? file.dict(file.dict(resources.get('ExtGState'))?.get(name.name)) : null
        if (gs?.has('Font')) throw new UnsupportedPdf('font set by ExtGState')
        break
      }
      case 'BMC':
      case 'BDC':
      case 'EMC':
        flush()
        break
      case 'BI':
        skipInlineImage(lexer)
        break
    }
    args.length = 0
  }
  flush()
}

function inverseRotation(x: number, y: number, m: Matrix): [number, number] {
  const [a = 0, b = 0, c = 0, d = 0] = m
  const scale = Math.hypot(a, b)
  return [(a * x + b * y) / scale, (c * x + d * y) / scale]
}

/** Skips `… ID <binary> EI` after BI. */
function skipInlineImage(lexer: Lexer): void {
  for (let token = lexer.value(); token !== undefined; token = lexer.value()) {
    if (token instanceof PdfKeyword && token.word === 'ID') break
  }
  const { buf, end } = lexer
  let pos = lexer.pos + 1
  for (; pos + 1 < end; pos++) {
    if (buf[pos] === 69 && buf[pos + 1] === 73) {
      const before = buf[pos - 1] ?? 32
      const after = pos + 2 < end ? (buf[pos + 2] ?? 32) : 32
      if (isSpace(before) && isSpace(after)) break
    }
  }
  lexer.pos = Math.min(end, pos + 2)
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0
}
