// The progress display on stderr: on a terminal one line redrawn in place (bar, percent, rows/s, ETA);
// otherwise (a log, a pipe) a plain line at most every `plainEveryMs`.
export interface ProgressSnapshot {
  readonly bytesDone: number
  readonly bytesTotal: number
  readonly imported: number
  readonly rejected: number
  readonly resumedFrom: number
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

export class ProgressLine {
  private readonly started = Date.now()
  private startBytes: number | null = null
  private lastPlain = 0

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly plainEveryMs = 5000,
  ) {}

  /** The text of one progress line (no control characters). */
  format(p: ProgressSnapshot, now = Date.now()): string {
    this.startBytes ??= p.bytesDone
    const elapsed = Math.max((now - this.started) / 1000, 0.001)
    const rows = p.imported + p.rejected
    const rate = rows / elapsed
    const byteRate = (p.bytesDone - this.startBytes) / elapsed
    const fraction = p.bytesTotal === 0 ? 1 : p.bytesDone / p.bytesTotal
    const eta = byteRate > 0 ? (p.bytesTotal - p.bytesDone) / byteRate : Infinity
    const width = 24
    const filled = Math.round(fraction * width)
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`
    const resumed = p.resumedFrom > 0 ? `（续传，此前 ${p.resumedFrom} 行）` : ''
    return `[${bar}] ${(fraction * 100).toFixed(1)}% 已导入 ${p.imported} 行，拒绝 ${p.rejected} 行，${Math.round(rate)} 行/秒，剩余约 ${duration(eta)}${resumed}`
  }

  update(p: ProgressSnapshot): void {
    const text = this.format(p)
    if (this.out.isTTY) {
      this.out.write(`\r\x1b[2K${text}`)
      return
    }
    const now = Date.now()
    if (now - this.lastPlain >= this.plainEveryMs || p.bytesDone >= p.bytesTotal) {
      this.lastPlain = now
      this.out.write(`${text}\n`)
    }
  }

  end(): void {
    if (this.out.isTTY) this.out.write('\n')
  }
}
