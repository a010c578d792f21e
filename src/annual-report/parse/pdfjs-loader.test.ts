import { describe, expect, it } from 'vitest'
import { loadPdfJs } from './pdfjs-loader.ts'

/** The built-ins core-js replaces when the legacy pdfjs build is imported, by descriptor (no unbound methods). */
function guardedBuiltIns(): unknown[] {
  return [
    Object.getOwnPropertyDescriptor(Array.prototype, 'push')?.value,
    Object.getOwnPropertyDescriptor(JSON, 'stringify')?.value,
    Object.getOwnPropertyDescriptor(JSON, 'parse')?.value,
    Object.getOwnPropertyDescriptor(Function.prototype, 'toString')?.value,
  ]
}

describe('loadPdfJs', () => {
  it('leaves the built-ins the rest of the process uses as they were', async () => {
    const before = guardedBuiltIns()
    const pdfjs = await loadPdfJs()
    expect(typeof pdfjs.getDocument).toBe('function')
    expect(guardedBuiltIns()).toEqual(before)
  })

  it('keeps the built-ins pdfjs adds and the in-process worker it runs on', async () => {
    await loadPdfJs()
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function')
    const worker = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker
    expect(worker?.WorkerMessageHandler).toBeDefined()
  })
})
