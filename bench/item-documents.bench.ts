// `npm run bench -- item-documents [--quick]`: time per 【下载Word】/【下载PDF】 render of a typical item (a 通知 of
// ~2,500 characters with headings, a list and a table) and of a long one (40 paragraphs, 4+ pages), and time per
// saved page read by the import (the seed text page, the HTML fixture page, the 002.html report page).
// The machine may be shared: the load average is printed with the figures.
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderItemDocx, renderItemPdf } from '../src/catalogue/downloads/index.ts'
import { sampleItem } from '../src/catalogue/downloads/sample-item.ts'
import { readSavedPage } from '../src/catalogue/import/index.ts'

const root = fileURLToPath(new URL('../', import.meta.url))

interface Row {
  name: string
  samples: number
  medianMs: number
  p95Ms: number
  bytes?: number
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

async function measure(name: string, iterations: number, fn: () => unknown): Promise<Row> {
  let bytes: number | undefined
  for (let i = 0; i < Math.max(3, iterations / 10); i++) {
    const out = await fn()
    if (Buffer.isBuffer(out)) bytes = out.length
  }
  const times: number[] = []
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { name, samples: iterations, medianMs: quantile(times, 0.5), p95Ms: quantile(times, 0.95), bytes }
}

export default async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick')
  const n = quick ? 10 : 40
  const typical = sampleItem()
  const long = sampleItem(40)
  const pages = [
    join(root, 'src/annual-report/fixtures/seed-tianshuijun-2021.txt'),
    join(root, 'src/catalogue/import/fixtures/qinzhou-policy-page.html'),
    join(root, 'src/annual-report/fixtures/002.html'),
  ].map((file) => ({ file, bytes: readFileSync(file) }))
  const rows: Row[] = [
    await measure('docx, typical item', n, () => renderItemDocx(typical)),
    await measure('pdf, typical item', n, () => renderItemPdf(typical)),
    await measure('docx, long item (40 paragraphs)', n, () => renderItemDocx(long)),
    await measure('pdf, long item (40 paragraphs)', n, () => renderItemPdf(long)),
  ]
  for (const page of pages) {
    const name = page.file.split('/').pop() ?? page.file
    rows.push(await measure(`readSavedPage, ${name}`, n, () => readSavedPage(page.bytes, name)))
  }
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2))
  console.log(
    `item documents — ${cpus().length} CPUs, load average ${one} ${five} ${fifteen}, ${n} runs each`,
  )
  console.log('case'.padEnd(44), 'median ms'.padStart(10), 'p95 ms'.padStart(10), 'bytes'.padStart(10))
  for (const r of rows) {
    console.log(
      r.name.padEnd(44),
      r.medianMs.toFixed(1).padStart(10),
      r.p95Ms.toFixed(1).padStart(10),
      (r.bytes === undefined ? '' : String(r.bytes)).padStart(10),
    )
  }
}
