// pg_dump and pg_restore for PostgreSQL backups. The connection is passed through libpq's PG* environment
// variables, never on the command line, so the password does not show in `ps`.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** libpq environment for a postgres:// URL (host, port, user, password, database, sslmode, options). */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url)
  const env: NodeJS.ProcessEnv = { ...process.env }
  const set = (name: string, value: string | null) => {
    if (value !== null && value !== '') env[name] = value
  }
  set('PGHOST', decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1'))
  set('PGPORT', u.port)
  set('PGUSER', decodeURIComponent(u.username))
  set('PGPASSWORD', decodeURIComponent(u.password))
  set('PGDATABASE', decodeURIComponent(u.pathname.replace(/^\//, '')))
  set('PGSSLMODE', u.searchParams.get('sslmode'))
  set('PGOPTIONS', u.searchParams.get('options'))
  return env
}

/** The major version of a PostgreSQL client tool (`pg_dump (PostgreSQL) 15.20` → 15). */
export async function toolMajorVersion(
  tool: 'pg_dump' | 'pg_restore',
): Promise<{ text: string; major: number }> {
  const { stdout } = await run(tool, ['--version']).catch((err: unknown) => {
    throw new Error(`${tool} was not found on PATH (install the PostgreSQL client tools): ${String(err)}`)
  })
  const match = /(\d+)(?:\.\d+)?/.exec(stdout)
  return { text: stdout.trim(), major: Number(match?.[1] ?? 0) }
}

async function runTool(tool: string, args: readonly string[], url: string): Promise<void> {
  try {
    await run(tool, [...args], { env: libpqEnv(url), maxBuffer: 16 * 1024 * 1024 })
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? ''
    throw new Error(`${tool} failed: ${stderr.trim() || String(err)}`)
  }
}

/** Dump one schema in pg_dump's custom format (compressed, restorable table by table). */
export function dumpSchema(url: string, schema: string, file: string): Promise<void> {
  return runTool(
    'pg_dump',
    ['--format=custom', `--schema=${schema}`, '--no-owner', '--no-privileges', `--file=${file}`],
    url,
  )
}

/** Whether a custom-format dump creates its schema itself (pg_dump leaves out `public`, which always exists). */
export async function dumpCreatesSchema(file: string, schema: string): Promise<boolean> {
  const { stdout } = await run('pg_restore', ['--list', file], { maxBuffer: 64 * 1024 * 1024 })
  return stdout.split('\n').some((line) => new RegExp(`\\bSCHEMA - ${schema}\\b`).test(line))
}

/** Restore a custom-format dump in one transaction, stopping at the first error. */
export function restoreDump(url: string, file: string): Promise<void> {
  // Without --dbname pg_restore prints SQL instead of restoring; the name alone is enough, libpq's
  // environment (libpqEnv) supplies the rest.
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres'
  return runTool(
    'pg_restore',
    [
      '--exit-on-error',
      '--single-transaction',
      '--no-owner',
      '--no-privileges',
      `--dbname=${database}`,
      file,
    ],
    url,
  )
}
