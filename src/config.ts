// Platform configuration from environment variables and CLI flags, validated once at start. Everything else
// receives a typed `Config`; nothing below this file reads `process.env`.
import path from 'node:path'
import { z } from 'zod'
import { PASSWORD_MIN_LENGTH, passwordProblem } from './accounts/password-rules.ts'

/** Where the platform keeps its data: an embedded SQLite file (default) or a PostgreSQL server. */
export type DatabaseConfig =
  { readonly engine: 'sqlite'; readonly file: string } | { readonly engine: 'postgres'; readonly url: string }

/** The validated configuration of one platform process. */
export interface Config {
  /** TCP port of the web server (`PORT`, default 3000). */
  readonly port: number
  /** Interface the web server binds to (`HOST`, default 0.0.0.0). */
  readonly host: string
  /** Directory for the SQLite file and uploads (`GONGKAI_DATA_DIR`, default `./data`), absolute. */
  readonly dataDir: string
  /** Database engine and location (`DATABASE_URL`; absent → `<dataDir>/gongkai.sqlite`). */
  readonly database: DatabaseConfig
  /** Password for the demo `admin` account on first start (`GONGKAI_ADMIN_PASSWORD`); random when absent. */
  readonly adminPassword: string | undefined
  /** Mark session cookies `Secure` (`GONGKAI_SECURE_COOKIES`): set when served behind HTTPS. */
  readonly secureCookies: boolean
  /** A session ends after this many minutes without a request (`GONGKAI_SESSION_IDLE_MINUTES`, default 30). */
  readonly sessionIdleMinutes: number
  /** A session ends this many hours after login whatever the activity (`GONGKAI_SESSION_MAX_HOURS`, default 12). */
  readonly sessionMaxHours: number
  /** Seed the fictional demo agencies and users on an empty database (`--demo` or `GONGKAI_DEMO=1`). */
  readonly demo: boolean
  /** Bearer token for `GET /metrics` (`GONGKAI_METRICS_TOKEN`); unset → the route answers 404. */
  readonly metricsToken: string | undefined
  /** Limits that keep one bad client from taking the service down. */
  readonly limits: Limits
}

/** Request, upload, time and rate limits; each has its own variable and a default. */
export interface Limits {
  /** Largest request body other than an upload (`GONGKAI_BODY_LIMIT_KB`, default 1024 KB). */
  readonly bodyBytes: number
  /** Largest uploaded file (`GONGKAI_UPLOAD_LIMIT_MB`, default 50 MB). */
  readonly uploadBytes: number
  /** A request (headers and body) must arrive within this (`GONGKAI_REQUEST_TIMEOUT_SECONDS`, default 30 s). */
  readonly requestTimeoutMs: number
  /** PostgreSQL statement_timeout and SQLite busy_timeout (`GONGKAI_QUERY_TIMEOUT_SECONDS`, default 10 s). */
  readonly queryTimeoutMs: number
  /** Public searches per client IP per minute (`GONGKAI_SEARCH_RATE_LIMIT`, default 60). */
  readonly searchPerMinute: number
  /** Online 依申请公开 applications per client IP per hour (`GONGKAI_APPLY_SUBMITS_PER_HOUR`, default 10). */
  readonly applySubmitsPerHour?: number
  /** Tracking lookups and letter downloads per client IP per hour (`GONGKAI_TRACK_LOOKUPS_PER_HOUR`, default 30). */
  readonly trackLookupsPerHour?: number
}

/** The limits when no variable is set (also what a server built without them in tests uses). */
export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1024 * 1024,
  uploadBytes: 50 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  queryTimeoutMs: 10_000,
  searchPerMinute: 60,
  applySubmitsPerHour: 10,
  trackLookupsPerHour: 30,
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  readonly port?: number | string | undefined
  readonly host?: string | undefined
  readonly dataDir?: string | undefined
  readonly demo?: boolean | undefined
}

/** A configuration value is missing or malformed; the message names the variable (the CLI exits with 2). */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

const booleanText = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v))

const positiveInt = (max: number) =>
  z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(max))

const EnvSchema = z.object({
  PORT: positiveInt(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql):\/\/.+/, 'must be a postgres:// URL (leave it unset for SQLite)')
    .refine((url) => URL.canParse(url), 'is not a valid URL')
    .refine(
      (url) => !URL.canParse(url) || pgSchemaOf(url) !== null,
      'options=-c search_path=… must name one schema (letters, digits, _)',
    )
    .optional(),
  GONGKAI_ADMIN_PASSWORD: z
    .string()
    .refine(
      (p) => passwordProblem(p) === null,
      `must be ${PASSWORD_MIN_LENGTH}–128 characters with letters and digits, not one repeated character`,
    )
    .optional(),
  GONGKAI_SECURE_COOKIES: booleanText.default(false),
  GONGKAI_SESSION_IDLE_MINUTES: positiveInt(24 * 60).default(30),
  GONGKAI_SESSION_MAX_HOURS: positiveInt(24 * 30).default(12),
  GONGKAI_DEMO: booleanText.default(false),
  GONGKAI_METRICS_TOKEN: z
    .string()
    .regex(/^[A-Za-z0-9._~+/=-]{16,256}$/, 'must be 16–256 characters of letters, digits and ._~+/=-')
    .optional(),
  GONGKAI_BODY_LIMIT_KB: positiveInt(100 * 1024).default(DEFAULT_LIMITS.bodyBytes / 1024),
  GONGKAI_UPLOAD_LIMIT_MB: positiveInt(1024).default(DEFAULT_LIMITS.uploadBytes / 1024 / 1024),
  GONGKAI_REQUEST_TIMEOUT_SECONDS: positiveInt(3600).default(DEFAULT_LIMITS.requestTimeoutMs / 1000),
  GONGKAI_QUERY_TIMEOUT_SECONDS: positiveInt(3600).default(DEFAULT_LIMITS.queryTimeoutMs / 1000),
  GONGKAI_SEARCH_RATE_LIMIT: positiveInt(10_000_000).default(DEFAULT_LIMITS.searchPerMinute),
  GONGKAI_APPLY_SUBMITS_PER_HOUR: positiveInt(100_000).default(DEFAULT_LIMITS.applySubmitsPerHour ?? 10),
  GONGKAI_TRACK_LOOKUPS_PER_HOUR: positiveInt(100_000).default(DEFAULT_LIMITS.trackLookupsPerHour ?? 30),
})

/** Variables whose value never appears in an error message. */
const SECRET_VARIABLES = new Set(['GONGKAI_ADMIN_PASSWORD', 'DATABASE_URL', 'GONGKAI_METRICS_TOKEN'])

const SEARCH_PATH = /(?:^|\s)-c\s*search_path=(\S*)/

/**
 * The PostgreSQL schema a DATABASE_URL works in: the `search_path` set through its `options` parameter
 * (`postgres://host/db?options=-c%20search_path%3Dgongkai`), `public` without one, null when malformed.
 */
export function pgSchemaOf(url: string): string | null {
  const options = new URL(url).searchParams.get('options')
  const match = options === null ? null : SEARCH_PATH.exec(options)
  if (match === null) return 'public'
  const schema = match[1] ?? ''
  return /^[a-z_][a-z0-9_]{0,62}$/.test(schema) ? schema : null
}

type Env = Readonly<Record<string, string | undefined>>

/**
 * Validate the environment and flags into a `Config`. Pure: it creates no directory (connect does).
 * Empty strings count as unset, so `PORT= gongkai serve` falls back to the default.
 * @throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: Env, flags: ConfigFlags = {}, cwd = process.cwd()): Config {
  const input: Record<string, string> = {}
  for (const key of Object.keys(EnvSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') input[key] = value
  }
  if (flags.port !== undefined) input.PORT = String(flags.port)
  if (flags.host !== undefined) input.HOST = flags.host
  if (flags.dataDir !== undefined) input.GONGKAI_DATA_DIR = flags.dataDir

  const parsed = EnvSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const name = String(issue?.path[0] ?? 'environment')
    const shown = SECRET_VARIABLES.has(name) ? '(hidden)' : input[name]
    throw new ConfigError(`Invalid ${name}=${shown ?? ''}: ${issue?.message ?? 'invalid value'}`)
  }
  const e = parsed.data
  const dataDir = path.resolve(cwd, e.GONGKAI_DATA_DIR)
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database:
      e.DATABASE_URL === undefined
        ? { engine: 'sqlite', file: path.join(dataDir, 'gongkai.sqlite') }
        : { engine: 'postgres', url: e.DATABASE_URL },
    adminPassword: e.GONGKAI_ADMIN_PASSWORD,
    secureCookies: e.GONGKAI_SECURE_COOKIES,
    sessionIdleMinutes: e.GONGKAI_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.GONGKAI_SESSION_MAX_HOURS,
    demo: flags.demo ?? e.GONGKAI_DEMO,
    metricsToken: e.GONGKAI_METRICS_TOKEN,
    limits: {
      bodyBytes: e.GONGKAI_BODY_LIMIT_KB * 1024,
      uploadBytes: e.GONGKAI_UPLOAD_LIMIT_MB * 1024 * 1024,
      requestTimeoutMs: e.GONGKAI_REQUEST_TIMEOUT_SECONDS * 1000,
      queryTimeoutMs: e.GONGKAI_QUERY_TIMEOUT_SECONDS * 1000,
      searchPerMinute: e.GONGKAI_SEARCH_RATE_LIMIT,
      applySubmitsPerHour: e.GONGKAI_APPLY_SUBMITS_PER_HOUR,
      trackLookupsPerHour: e.GONGKAI_TRACK_LOOKUPS_PER_HOUR,
    },
  }
}
