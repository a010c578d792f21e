// Rate-limit counters shared by every process on PostgreSQL (see rate-limit-store.ts): one row per limiter,
// client and fixed time window.
export interface RateLimitHitTable {
  /** `<limiter>|<client key>|<window number>`. */
  key: string
  count: number
  /** ISO-8601 UTC end of the window; rows past it are deleted now and then. */
  expires_at: string
}
