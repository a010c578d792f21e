// The 图解 as PNG, rasterised by resvg with the Noto Serif SC font the repository ships (the same file the PDFs
// embed), so CJK text renders on a server without system fonts. System fonts are not loaded: the image looks
// the same on every machine.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { Resvg } from '@resvg/resvg-js'

const FONT_FILES = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
]

let fontPaths: string[] | undefined

function fonts(): string[] {
  if (fontPaths === undefined) {
    const require = createRequire(import.meta.url)
    fontPaths = FONT_FILES.map((f) => require.resolve(f))
  }
  return fontPaths
}

// resvg parses the two 15 MB font files on every render (≈1 s CPU), so the PNGs of recent images are kept,
// keyed by the SVG's hash: a published report's image never changes, and a new version is a new SVG.
const MAX_CACHED = 32
const cache = new Map<string, Buffer>()

/** PNG bytes of an SVG document, at `scale` times its size (2 for a sharp download). */
export function rasteriseSvg(svg: string, scale = 1): Buffer {
  const key = `${scale}:${createHash('sha256').update(svg).digest('hex')}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const png = render(svg, scale)
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '')
  cache.set(key, png)
  return png
}

function render(svg: string, scale: number): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Noto Serif SC' },
  })
  return resvg.render().asPng()
}
