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

function median(runs: number, fn: () => void): number {
  for (let i = 0; i < Math.min(50, runs); i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] ?? NaN
}

export default function (args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 500)
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, ${runs} runs per sample`,
  )
  console.log('sample                       kind      extract ms   map ms   total ms')
  for (const [file, kind, extract] of SAMPLES) {
    const text = readFileSync(join(fixtures, file), 'utf8')
    const blocks = extract(text)
    const extractMs = median(runs, () => extract(text))
    const mapMs = median(runs, () => mapReport(blocks, kind))
    const totalMs = median(runs, () => mapReport(extract(text), kind))
    console.log(
      `${file.padEnd(28)} ${kind.padEnd(9)} ${extractMs.toFixed(3).padStart(10)} ${mapMs.toFixed(3).padStart(8)} ${totalMs.toFixed(3).padStart(10)}`,
    )
  }
  return Promise.resolve()
}
