// The 图解 as PNG, rasterised by resvg with the Noto Serif SC font the repository ships (the same file the PDFs
// embed), so CJK text renders on a server without system fonts. System fonts are not loaded: the image looks
// the same on every machine.
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { renderAsync } from '@resvg/resvg-js'

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

// resvg parses the two 15 MB font files on every render (≈1.5 s CPU), so:
// - it renders off the event loop (`renderAsync`, libuv's thread pool), one image at a time, so a burst of
//   downloads costs one core at most and never stalls other requests;
// - the PNGs of recent images are kept, keyed by the SVG's hash (a published report's image never changes; a new
//   version is a new SVG), and concurrent requests for the same image share one render.
const MAX_CACHED = 32
const cache = new Map<string, Promise<Buffer>>()
let queue: Promise<unknown> = Promise.resolve()

/** PNG bytes of an SVG document, at `scale` times its size (2 for a sharp download). */
export function rasteriseSvg(svg: string, scale = 1): Promise<Buffer> {
  const key = `${scale}:${createHash('sha256').update(svg).digest('hex')}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const png = queue.then(() => render(svg, scale))
  queue = png.catch(() => undefined)
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '')
  cache.set(key, png)
  png.catch(() => cache.delete(key))
  return png
}

async function render(svg: string, scale: number): Promise<Buffer> {
  const image = await renderAsync(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fonts(), defaultFontFamily: 'Noto Serif SC' },
  })
  return image.asPng()
}
