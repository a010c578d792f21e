// Render-cache invalidation across processes on PostgreSQL (LISTEN/NOTIFY). Every process LISTENs on one
// dedicated connection; a local `invalidateAgency` (publish, edit, 撤稿, column or site change) stays
// immediate in its own process and is also sent with `pg_notify` through the pool (after the write
// committed), so every other process drops that agency's pages as soon as the notification arrives (a few
// ms on one host). A lost listening connection is re-opened with backoff, and on each re-open the whole cache
// is dropped: notifications sent while it was away are gone. The channel carries the schema name, so several
// deployments (or test schemas) in one database do not clear each other's caches. On SQLite (one process)
// none of this runs.
import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import pg from 'pg'
import type { DB } from '../../storage/index.ts'
import type { PortalCache } from '../portal/portal-cache.ts'

/** This process's buses, summed (normally one bus per process): read by GET /metrics. */
export interface InvalidationBusCounters {
  /** Buses started and not stopped. */
  readonly buses: number
  /** Of those, how many have their listening connection open now. */
  readonly listening: number
  /** Invalidations sent to the other processes (pg_notify succeeded), and those whose NOTIFY failed. */
  readonly sent: number
  readonly sendFailures: number
  /** Invalidations received from other processes and applied. */
  readonly received: number
  /** Listening connections lost or failing to open, and re-opened afterwards (each re-open drops the whole cache). */
  readonly losses: number
  readonly reconnects: number
}

const totals = { sent: 0, sendFailures: 0, received: 0, losses: 0, reconnects: 0 }
/** Whether each live bus is listening. */
const live = new Set<() => boolean>()

export function invalidationBusCounters(): InvalidationBusCounters {
  let listening = 0
  for (const isListening of live) if (isListening()) listening += 1
  return { buses: live.size, listening, ...totals }
}

/** Delays before re-opening a lost listening connection (the last one repeats). */
const RECONNECT_DELAYS_MS = [100, 500, 1_000, 2_000, 5_000]

export interface InvalidationBusOptions {
  /** The PostgreSQL URL of the pool (same database, same search_path options). */
  readonly url: string
  readonly db: DB
  readonly cache: PortalCache
  /** Where connection losses and failures are reported. */
  readonly log?: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }
}

export interface InvalidationBus {
  /** The channel name (`gongkai_portal_<schema>`). */
  readonly channel: string
  /** True while the listening connection is open and LISTENing. */
  readonly listening: boolean
  /** Remote invalidations applied, and whole-cache drops after a reconnect (for /metrics and tests). */
  readonly received: number
  readonly resets: number
  /** Resolves once the next (re)connection is LISTENing (immediately when it already is). */
  ready(): Promise<void>
  stop(): Promise<void>
}

/** A channel name for a schema: an identifier of at most 63 bytes. */
export function channelFor(schema: string): string {
  return `gongkai_portal_${schema.replace(/[^a-zA-Z0-9_]/g, '_')}`.slice(0, 63)
}

/** Start listening; resolves once the first connection LISTENs (rejects if it cannot connect at all). */
export async function startInvalidationBus(options: InvalidationBusOptions): Promise<InvalidationBus> {
  const { db, cache, url } = options
  const origin = randomBytes(6).toString('hex')
  const schemaRow = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  const channel = channelFor(schemaRow.rows[0]?.schema ?? 'public')
  let client: pg.Client | null = null
  let listening = false
  let stopped = false
  let applyingRemote = false
  let attempt = 0
  let received = 0
  let resets = 0
  let everListened = false
  let waiters: (() => void)[] = []
  let retryTimer: NodeJS.Timeout | undefined

  const unsubscribe = cache.onInvalidate((agencyId) => {
    if (applyingRemote || stopped) return
    sql`select pg_notify(${channel}, ${`${origin}:${agencyId}`})`.execute(db).then(
      () => {
        totals.sent += 1
      },
      (err: unknown) => {
        totals.sendFailures += 1
        options.log?.error({ err, agencyId }, 'portal invalidation NOTIFY failed')
      },
    )
  })

  const onNotification = (message: pg.Notification) => {
    const [from, id] = (message.payload ?? '').split(':')
    if (from === origin) return
    const agencyId = Number(id)
    if (!Number.isSafeInteger(agencyId)) return
    received += 1
    totals.received += 1
    applyingRemote = true
    try {
      cache.invalidateAgency(agencyId)
    } finally {
      applyingRemote = false
    }
  }

  /** The connection `which` failed: drop it and, unless stopped, open another after a delay (once per loss). */
  const lost = (which: pg.Client, err: unknown) => {
    if (client !== which) return
    client = null
    listening = false
    which.removeAllListeners('notification')
    which.end().catch(() => undefined)
    if (stopped) return
    totals.losses += 1
    options.log?.warn({ err }, 'portal invalidation listener lost; reconnecting')
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 5_000
    attempt += 1
    retryTimer = setTimeout(() => void open().catch(() => undefined), delay)
    retryTimer.unref()
  }

  const open = async () => {
    const next = new pg.Client({ connectionString: url, application_name: 'gongkai-invalidation' })
    next.on('error', (err) => lost(next, err))
    next.on('end', () => lost(next, new Error('connection ended')))
    next.on('notification', onNotification)
    client = next
    try {
      await next.connect()
      await next.query(`listen "${channel}"`)
    } catch (err) {
      lost(next, err)
      throw err
    }
    if (stopped) {
      await next.end()
      return
    }
    listening = true
    attempt = 0
    // Whatever was sent while no connection listened is lost: start from an empty cache.
    if (everListened) {
      resets += 1
      totals.reconnects += 1
      cache.invalidateAll()
    }
    everListened = true
    const ready = waiters
    waiters = []
    for (const resolve of ready) resolve()
  }

  const isListening = () => listening
  live.add(isListening)
  try {
    await open()
  } catch (err) {
    live.delete(isListening)
    stopped = true
    clearTimeout(retryTimer)
    unsubscribe()
    throw err
  }

  return {
    channel,
    get listening() {
      return listening
    },
    get received() {
      return received
    },
    get resets() {
      return resets
    },
    ready: () => (listening ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    stop: async () => {
      stopped = true
      live.delete(isListening)
      unsubscribe()
      clearTimeout(retryTimer)
      const was = client
      client = null
      listening = false
      await was?.end().catch(() => undefined)
    },
  }
}
