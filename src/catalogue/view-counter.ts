// View counts without a database write per view: counts accumulate in memory and `flushViews` (called on a
// timer by the server) adds them in a few statements. A crash loses at most one interval of counts, which is
// acceptable for a popularity figure.

/** Counts views per item until taken. */
export class ViewCounter {
  #counts = new Map<number, number>()

  /** Count one view of `itemId`. */
  record(itemId: number): void {
    this.#counts.set(itemId, (this.#counts.get(itemId) ?? 0) + 1)
  }

  /** Views counted since the last `take`, per item; starts a new interval. */
  take(): Map<number, number> {
    const taken = this.#counts
    this.#counts = new Map()
    return taken
  }

  /** Put counts back after a failed flush, so they are written by the next one. */
  restore(counts: ReadonlyMap<number, number>): void {
    for (const [id, n] of counts) this.#counts.set(id, (this.#counts.get(id) ?? 0) + n)
  }

  /** Views waiting to be written. */
  get pending(): number {
    let n = 0
    for (const v of this.#counts.values()) n += v
    return n
  }
}

/** The process-wide counter used by `recordView` and `flushViews`. */
export const viewCounter = new ViewCounter()

/** Count one view of a published item (call only for non-bot requests, see `isBot`). */
export function recordView(itemId: number): void {
  viewCounter.record(itemId)
}
