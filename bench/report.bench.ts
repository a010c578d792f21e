// `npm run bench -- report [--quick]`: parse+check time per report for each input kind on the real samples, and
// render time per output format. Prints a table and writes bench/out/report-<timestamp>.json.
// Targets (issue 2): text/HTML median ≤ 1 ms; PDF ≤ 150 ms; DOCX render ≤ 100 ms; PDF render ≤ 300 ms.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseReport, renderDocx, renderHtml, renderJson, renderPdf } from '../src/annual-report/index.ts'
import type { AnnualReport } from '../src/annual-report/model.ts'
import { checkReport } from '../src/annual-report/rules/index.ts'

const root = fileURLToPath(new URL('../', import.meta.url))
const fixtures = join(root, 'src/annual-report/fixtures')
// The three real PDFs are in fixtures/ (copies of the shared samples).
const pdfDirs = [fixtures, join(fixtures, 'pdf'), join(root, '../shared/samples/pdf')]

interface Input {
  kind: 'text' | 'markdown' | 'html' | 'pdf'
  files: string[]
}

const INPUTS: Input[] = [
  { kind: 'text', files: ['seed-tianshuijun-2021.txt', '013.txt', '015.txt'].map((f) => join(fixtures, f)) },
  { kind: 'markdown', files: [join(fixtures, '003.txt')] },
  { kind: 'html', files: [join(fixtures, '002.html')] },
  {
    kind: 'pdf',
    files: ['hzq2023.pdf', 'hzq2024.pdf', 'szfgs2024.pdf'].map(
      (f) => pdfDirs.map((d) => join(d, f)).find((p) => existsSync(p)) ?? f,
    ),
  },
]

const TARGETS_MS: Record<string, number> = {
  text: 1,
  markdown: 1,
  html: 1,
  pdf: 150,
  docx: 100,
  'render pdf': 300,
}

interface Row {
  name: string
  samples: number
  medianMs: number
  p95Ms: number
  /** Process CPU time (user + system) over the timed runs divided by the runs: steadier than wall time under load. */
  cpuMs: number
  targetMs?: number
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

async function measure(name: string, iterations: number, fn: () => unknown): Promise<Row> {
  for (let i = 0; i < Math.max(3, iterations / 10); i++) await fn()
  const times: number[] = []
  const cpuStart = process.cpuUsage()
  for (let i = 0; i < iterations; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  const cpu = process.cpuUsage(cpuStart)
  times.sort((a, b) => a - b)
  return {
    name,
    samples: times.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    cpuMs: (cpu.user + cpu.system) / 1000 / iterations,
  }
}

async function parseAndCheck(bytes: Buffer, filename: string): Promise<AnnualReport> {
  const report = await parseReport(bytes, { filename })
  checkReport(report)
  return report
}

function printTable(rows: Row[]): void {
  const header = ['', 'samples', 'median ms', 'p95 ms', 'CPU ms/run', 'target ms', '']
  const lines = rows.map((r) => [
    r.name,
    String(r.samples),
    r.medianMs.toFixed(3),
    r.p95Ms.toFixed(3),
    r.cpuMs.toFixed(3),
    r.targetMs === undefined ? '' : String(r.targetMs),
    r.targetMs === undefined ? '' : r.medianMs <= r.targetMs ? 'ok' : 'OVER',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  for (const line of [header, ...lines]) {
    console.log(
      line
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
  }
}

export default async function (args: string[]): Promise<void> {
  const quick = args.includes('--quick')
  const rows: Row[] = []
  let renderInput: AnnualReport | undefined
  for (const input of INPUTS) {
    const iterations = input.kind === 'pdf' ? (quick ? 3 : 15) : quick ? 20 : 200
    for (const file of input.files) {
      if (!existsSync(file)) {
        console.log(`skipped ${input.kind} ${file}: not found`)
        continue
      }
      const bytes = readFileSync(file)
      const row = await measure(`parse+check ${input.kind} ${basename(file)}`, iterations, () =>
        parseAndCheck(bytes, basename(file)),
      )
      rows.push({ ...row, targetMs: TARGETS_MS[input.kind] })
      // The rules alone, to tell their share from the parser's.
      const parsed = await parseReport(bytes, { filename: basename(file) })
      rows.push(
        await measure(`  of which check ${basename(file)}`, quick ? 20 : 200, () => checkReport(parsed)),
      )
      if (input.kind === 'markdown') renderInput = parsed
    }
  }
  if (renderInput) {
    const report = renderInput
    const n = quick ? 5 : 30
    rows.push(await measure('render html (003)', n * 5, () => renderHtml(report, { standalone: true })))
    rows.push(await measure('render json (003)', n * 5, () => renderJson(report)))
    rows.push({
      ...(await measure('render docx (003)', n, () => renderDocx(report))),
      targetMs: TARGETS_MS.docx,
    })
    rows.push({
      ...(await measure('render pdf (003)', Math.ceil(n / 3), () => renderPdf(report))),
      targetMs: TARGETS_MS['render pdf'],
    })
  }
  printTable(rows)
  const load = loadavg().map((l) => l.toFixed(2))
  console.log(
    `\nnode ${process.version}, ${cpus().length} cores, load average ${load.join(' ')} (shared machine)`,
  )
  const outDir = join(root, 'bench/out')
  mkdirSync(outDir, { recursive: true })
  const out = join(outDir, `report-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, loadavg: loadavg(), rows },
      null,
      2,
    ),
  )
  console.log(`saved ${out}`)
}
