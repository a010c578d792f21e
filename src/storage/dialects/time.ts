// Timestamps are stored as ISO-8601 UTC text with milliseconds (`2026-11-26T23:40:00.000Z`) on both engines:
// the same TypeScript type (string) everywhere, no driver-specific Date parsing, and text order equals time
// order because the width is fixed. Always produce them through `isoNow`/`toIso`.

/** The current instant as stored. */
export function isoNow(now: Date = new Date()): string {
  return now.toISOString()
}

/** An instant `ms` milliseconds after `iso`, as stored. */
export function isoPlus(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString()
}
