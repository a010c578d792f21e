// A strict reader of the one kind of request the raw fast path answers (raw-server.ts): a single, complete
// `GET`/`HEAD` request head over HTTP/1.1 with an origin-form target, one Host, no body and nothing after it.
// Everything else returns null and goes to Node's own HTTP parser untouched, so this reader only has to be
// right about what it accepts, never about what it refuses.

/** The fields of an accepted request head that an answer may depend on (header names matched case-insensitively). */
export interface SimpleHead {
  readonly method: 'GET' | 'HEAD'
  /** The request target exactly as sent (path and query), as Node's `req.url` gives it. */
  readonly url: string
  readonly host: string
  readonly cookie: string | undefined
  readonly userAgent: string | undefined
  readonly ifNoneMatch: string | undefined
  readonly forwardedProto: string | undefined
  readonly forwardedHost: string | undefined
  readonly forwardedFor: string | undefined
  /** `Connection: close` was asked for. */
  readonly close: boolean
}

/** The largest head accepted (Node's own limit, 16 KB by default, applies to the rest). */
export const MAX_HEAD_BYTES = 8192
/** More header lines than this: left to Node. */
const MAX_HEADER_LINES = 64

const END_OF_HEAD = Buffer.from('\r\n\r\n', 'latin1')
const HTTP11 = ' HTTP/1.1'
/** Origin-form target: a path starting with `/`, visible ASCII only (no spaces, controls or raw UTF-8). */
const TARGET = /^\/[\x21-\x7e]*$/
/** RFC 9110 token characters. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
/** A field value of visible ASCII, spaces and tabs (obs-text and controls are left to Node). */
const VALUE = /^[\t\x20-\x7e]*$/

/** Headers whose presence means the request is not a plain page view: body, protocol switch, proxy forms. */
const REFUSED = new Set([
  'content-length',
  'transfer-encoding',
  'upgrade',
  'expect',
  'forwarded',
  'http2-settings',
  'te',
  'trailer',
  'proxy-connection',
])

function trimOws(value: string): string {
  let start = 0
  let end = value.length
  while (start < end && (value.charCodeAt(start) === 32 || value.charCodeAt(start) === 9)) start += 1
  while (end > start && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end -= 1
  return start === 0 && end === value.length ? value : value.slice(start, end)
}

/**
 * The request head in `chunk`, when `chunk` is exactly one complete simple request head (it ends with the
 * blank line and holds nothing else); null otherwise.
 */
export function parseSimpleHead(chunk: Buffer, maxBytes = MAX_HEAD_BYTES): SimpleHead | null {
  const length = chunk.length
  if (length < 18 || length > maxBytes) return null
  // Complete, and nothing after the head (no body bytes, no second request).
  if (chunk.indexOf(END_OF_HEAD) !== length - 4) return null
  const text = chunk.toString('latin1', 0, length - 2)
  const lineEnd = text.indexOf('\r\n')
  let method: 'GET' | 'HEAD'
  let targetStart: number
  if (text.startsWith('GET ')) {
    method = 'GET'
    targetStart = 4
  } else if (text.startsWith('HEAD ')) {
    method = 'HEAD'
    targetStart = 5
  } else {
    return null
  }
  if (lineEnd < 0 || !text.startsWith(HTTP11, lineEnd - HTTP11.length)) return null
  const url = text.slice(targetStart, lineEnd - HTTP11.length)
  if (!TARGET.test(url)) return null

  let host: string | undefined
  let cookie: string | undefined
  let userAgent: string | undefined
  let ifNoneMatch: string | undefined
  let forwardedProto: string | undefined
  let forwardedHost: string | undefined
  let forwardedFor: string | undefined
  let connection: string | undefined
  let lines = 0
  let pos = lineEnd + 2
  while (pos < text.length) {
    const end = text.indexOf('\r\n', pos)
    if (end < 0) return null
    lines += 1
    if (lines > MAX_HEADER_LINES) return null
    const colon = text.indexOf(':', pos)
    if (colon <= pos || colon > end) return null
    const name = text.slice(pos, colon)
    if (!TOKEN.test(name)) return null
    const value = trimOws(text.slice(colon + 1, end))
    if (!VALUE.test(value)) return null
    pos = end + 2
    const lower = name.toLowerCase()
    switch (lower) {
      case 'host':
        if (host !== undefined) return null
        host = value
        break
      case 'cookie':
        if (cookie !== undefined) return null
        cookie = value
        break
      case 'user-agent':
        if (userAgent !== undefined) return null
        userAgent = value
        break
      case 'if-none-match':
        if (ifNoneMatch !== undefined) return null
        ifNoneMatch = value
        break
      case 'x-forwarded-proto':
        if (forwardedProto !== undefined) return null
        forwardedProto = value
        break
      case 'x-forwarded-host':
        if (forwardedHost !== undefined) return null
        forwardedHost = value
        break
      case 'x-forwarded-for':
        if (forwardedFor !== undefined) return null
        forwardedFor = value
        break
      case 'connection':
        if (connection !== undefined) return null
        connection = value.toLowerCase()
        if (connection !== 'keep-alive' && connection !== 'close') return null
        break
      default:
        if (REFUSED.has(lower)) return null
    }
  }
  if (host === undefined || host === '') return null
  return {
    method,
    url,
    host,
    cookie,
    userAgent,
    ifNoneMatch,
    forwardedProto,
    forwardedHost,
    forwardedFor,
    close: connection === 'close',
  }
}

/** The head's header lines as Node's `req.headers` would hold them (for log lines only; duplicates were refused). */
export function headersOf(chunk: Buffer): Record<string, string> {
  const headers: Record<string, string> = {}
  const text = chunk.toString('latin1', 0, chunk.length - 4)
  for (const line of text.split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).toLowerCase()] = trimOws(line.slice(colon + 1))
  }
  return headers
}
