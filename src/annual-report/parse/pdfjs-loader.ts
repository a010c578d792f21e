// Loading pdfjs-dist once per process, with its worker in-process, without letting it slow down the rest of the
// process. The legacy build (the one meant for Node) bundles core-js, which replaces some built-ins that Node 20
// already has, only to add features nobody here uses (JSON.rawJSON, 2^53-length arrays): after the import,
// JSON.stringify was about 14× and Array.prototype.push about 14× slower for the whole server. We keep the
// built-ins pdfjs adds (Promise.withResolvers, Uint8Array.toHex, …) and put back the ones it replaced.
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'

export type PdfJs = typeof PdfJsModule

/** Built-ins core-js replaces in Node 20 although Node's own are correct for everything we and pdfjs do. */
const GUARDED: [object, PropertyKey][] = [
  [Array.prototype, 'push'],
  [JSON, 'stringify'],
  [JSON, 'parse'],
  [Function.prototype, 'toString'],
]

let loading: Promise<PdfJs> | null = null

/** pdfjs is loaded once per process, on first use: importing it costs more than reading a report. */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= importPdfJs()
  return loading
}

async function importPdfJs(): Promise<PdfJs> {
  const saved = GUARDED.map(([target, key]) => Object.getOwnPropertyDescriptor(target, key))
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
    // The worker module itself, so getDocument runs it in this thread at once (pdfjs's "fake worker") instead of
    // importing it on first use, after the built-ins were put back.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker
    return pdfjs
  } finally {
    GUARDED.forEach(([target, key], i) => {
      const descriptor = saved[i]
      if (descriptor) Object.defineProperty(target, key, descriptor)
    })
  }
}

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))

/** Character maps and standard font data shipped with pdfjs-dist, read from disk (never fetched). */
export const pdfjsAssets = {
  cMapUrl: pathToFileURL(join(packageDir, 'cmaps') + '/').href,
  cMapPacked: true,
  standardFontDataUrl: pathToFileURL(join(packageDir, 'standard_fonts') + '/').href,
}
