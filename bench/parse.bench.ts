// `npm run bench -- parse [runs]`: where parse time goes, per sample: extracting source blocks vs mapping them
// to the report (mapReport). The mapper is shared by every input kind, so it must stay well under the 1 ms
// text/HTML target on its own. Run with nothing else heavy on the machine; the load average is printed.
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractHtmlBlocks } from '../src/annual-report/parse/html.ts'
import { mapReport } from '../src/annual-report/parse/map-report.ts'
import { extractMarkdownBlocks } from '../src/annual-report/parse/markdown.ts'
import type { InputKind, SourceBlock } from '../src/annual-report/parse/source.ts'
import { extractTextBlocks } from '../src/annual-report/parse/text.ts'

const fixtures = fileURLToPath(new URL('../src/annual-report/fixtures/', import.meta.url))

const SAMPLES: [string, InputKind, (text: string) => SourceBlock[]][] = [
  ['seed-tianshuijun-2021.txt', 'text', extractTextBlocks],
  ['013.txt', 'text', extractTextBlocks],
  ['015.txt', 'text', extractTextBlocks],
  ['003.txt', 'markdown', extractMarkdownBlocks],
  ['002.html', 'html', extractHtmlBlocks],
]

interface Timing {
  /** Median wall time of one run, ms. */
  wallMs: number
  /** Process CPU time (user + system) over all runs divided by the runs, ms: steadier than wall time under load. */
  cpuMs: number
}

function measure(runs: number, fn: () => void): Timing {
  for (let i = 0; i < Math.min(50, runs); i++) fn()
  const times: number[] = []
  const cpuStart = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  const cpu = process.cpuUsage(cpuStart)
  times.sort((a, b) => a - b)
  return { wallMs: times[Math.floor(times.length / 2)] ?? NaN, cpuMs: (cpu.user + cpu.system) / 1000 / runs }
}

const ms = (t: Timing): string => `${t.wallMs.toFixed(3)}/${t.cpuMs.toFixed(3)}`.padStart(13)

export default function (args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 500)
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${runs} runs per sample`,
  )
  console.log('wall median / CPU per run, ms')
  console.log('sample                       kind            extract           map         total')
  for (const [file, kind, extract] of SAMPLES) {
    const text = readFileSync(join(fixtures, file), 'utf8')
    const blocks = extract(text)
    const extractT = measure(runs, () => extract(text))
    const mapT = measure(runs, () => mapReport(blocks, kind))
    const totalT = measure(runs, () => mapReport(extract(text), kind))
    console.log(`${file.padEnd(28)} ${kind.padEnd(9)} ${ms(extractT)} ${ms(mapT)} ${ms(totalT)}`)
  }
  return Promise.resolve()
}
