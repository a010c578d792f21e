// `npm run bench -- <name> [args…]`: runs bench/<name>.bench.ts, whose default export takes the remaining args.
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('.', import.meta.url))
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
const [name, ...args] = process.argv.slice(2)
if (!name || !existsSync(`${dir}${name}.bench.ts`)) {
  console.error(`usage: npm run bench -- <name> [args…]\navailable: ${available.join(', ') || '(none)'}`)
  process.exit(2)
}
const mod = (await import(`./${name}.bench.ts`)) as { default: (args: string[]) => Promise<void> }
await mod.default(args)
