// An HTTP server with a fast path in front of Node's HTTP machinery. Each new connection is read raw: when a
// chunk holds exactly one complete simple request head (request-head.ts) and the responder has a prebuilt
// answer for it (a render-cache hit), the answer's bytes are written as they are (plus the Date and Connection
// lines Node would add) and the connection keeps being read raw. Anything else — a miss, a partial head,
// pipelined requests, a body, HTTP/1.0, odd headers, a server shutting down — hands the socket to Node's own
// connection listener for good, with the bytes read put back first (`unshift`): from then on Node owns it
// (its parser, headersTimeout, keepAliveTimeout and limits), exactly as if the fast path did not exist.
//
// Raw-owned connections time out like Node's (the connection timeout before the first request,
// keepAliveTimeout after an answer), pause reading while the client does not read its answers, and are closed
// by close()/closeIdleConnections()/closeAllConnections(), so a graceful shutdown does not wait on them.
import { Server, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { ownConcat } from './own-bytes.ts'
import { MAX_HEAD_BYTES, parseSimpleHead, type SimpleHead } from './request-head.ts'

/** A prebuilt answer: the same object (and bytes) for every request answered with it. */
export interface RawAnswer {
  /** `HTTP/1.1 <status> <reason>\r\n` and every header line up to, not including, the Date line. */
  readonly head: Buffer
  /** The body (also sent length-only for HEAD: `head` carries its Content-Length), or null for none. */
  readonly body: Buffer | null
}

/**
 * Decide on one simple request: the answer to write, or null to hand the connection to Node. Called only for
 * requests it can answer without reading anything else; `chunk` holds the request head's bytes.
 */
export type RawResponder = (request: SimpleHead, socket: Socket, chunk: Buffer) => RawAnswer | null

type ConnectionListener = (this: Server, socket: Socket) => void

interface Wire {
  readonly date: string
  readonly keepAlive: number
  readonly bytes: Buffer
  /** Bytes of the status line and headers (what a HEAD request gets). */
  readonly headLength: number
}

/** Prebuilt responses kept at most (bytes); the map is cleared when over (a page's wire is rebuilt on its next hit). */
const MAX_WIRE_BYTES = 16 * 1024 * 1024

let dateText = ''
let dateUntil = 0

/** The Date header's value, as Node writes it (IMF-fixdate, recomputed once a second). */
function httpDate(): string {
  const now = Date.now()
  if (now >= dateUntil) {
    dateText = new Date(now).toUTCString()
    dateUntil = now - (now % 1000) + 1000
  }
  return dateText
}

class RawConnection {
  readonly #server: FastPathServer
  readonly socket: Socket
  #keepAliveTimeoutSet = false
  #paused = false

  constructor(server: FastPathServer, socket: Socket) {
    this.#server = server
    this.socket = socket
  }

  readonly onData = (chunk: Buffer): void => {
    const server = this.#server
    const answer = server.answerOf(chunk, this.socket)
    if (answer === null) {
      server.handOff(this, chunk)
      return
    }
    const { request, response } = answer
    const written = this.socket.write(server.wireOf(response, request.close, request.method === 'HEAD'))
    if (request.close) {
      this.detach(true)
      server.forget(this.socket)
      // Node's answer to `Connection: close`: flush, then close (destroySoon).
      this.socket.end(() => this.socket.destroy())
      return
    }
    if (!this.#keepAliveTimeoutSet) {
      this.#keepAliveTimeoutSet = true
      this.socket.setTimeout(server.keepAliveTimeout)
    }
    if (!written && !this.#paused) {
      // The client is not reading its answers: stop reading its requests until they have gone out.
      this.#paused = true
      this.socket.pause()
      this.socket.once('drain', this.onDrain)
    }
  }

  readonly onDrain = (): void => {
    this.#paused = false
    this.socket.resume()
  }

  /** The client finished sending: finish too (the server is allowHalfOpen, as Node's socketOnEnd does). */
  readonly onEnd = (): void => {
    this.socket.end()
  }

  readonly onTimeout = (): void => {
    this.socket.destroy()
  }

  readonly onError = (): void => {
    this.socket.destroy()
  }

  readonly onClose = (): void => {
    this.#server.forget(this.socket)
  }

  attach(): void {
    const socket = this.socket
    socket.on('data', this.onData)
    socket.on('end', this.onEnd)
    socket.on('timeout', this.onTimeout)
    socket.on('error', this.onError)
    socket.on('close', this.onClose)
  }

  /**
   * Stop reading raw. `keepErrorHandler` for a socket that is closing on its own (a reset while the last answer
   * goes out must not become an uncaught error); not when Node takes the socket (it has its own handler).
   */
  detach(keepErrorHandler = false): void {
    const socket = this.socket
    socket.removeListener('data', this.onData)
    socket.removeListener('end', this.onEnd)
    socket.removeListener('timeout', this.onTimeout)
    if (!keepErrorHandler) socket.removeListener('error', this.onError)
    socket.removeListener('close', this.onClose)
    socket.removeListener('drain', this.onDrain)
  }

  /** Close now if nothing is being written, else once the last answer has gone out. */
  shutdown(force: boolean): void {
    this.detach(true)
    if (force || this.socket.writableLength === 0) {
      this.socket.destroy()
    } else {
      this.socket.end(() => this.socket.destroy())
    }
  }
}

export class FastPathServer extends Server {
  readonly #respond: RawResponder
  readonly #nodeConnectionListener: ConnectionListener
  readonly #raw = new Map<Socket, RawConnection>()
  #closing = false
  #wires = new Map<Buffer, Wire>()
  #wireBytes = 0

  constructor(
    options: ServerOptions,
    requestListener: (req: IncomingMessage, res: ServerResponse) => void,
    respond: RawResponder,
  ) {
    super(options, requestListener)
    this.#respond = respond
    // http.Server's own listener (it sets up the parser); connections reach it only through handOff.
    const [nodeListener] = this.listeners('connection') as ConnectionListener[]
    if (nodeListener === undefined) throw new Error('http.Server has no connection listener')
    this.#nodeConnectionListener = nodeListener
    this.removeListener('connection', nodeListener)
    this.on('connection', (socket: Socket) => this.#accept(socket))
  }

  /** Requests answered by the fast path since the server started. */
  answered = 0

  /** Connections currently read by the fast path (for tests and metrics). */
  get rawConnections(): number {
    return this.#raw.size
  }

  #accept(socket: Socket): void {
    // maxRequestsPerSocket is counted by Node's parser: with it set, every request goes through Node.
    if (this.#closing || (this.maxRequestsPerSocket ?? 0) > 0) {
      this.#nodeConnectionListener.call(this, socket)
      return
    }
    const connection = new RawConnection(this, socket)
    this.#raw.set(socket, connection)
    // Before the first request, the timeout Node applies to a new connection.
    const timeout = this.timeout > 0 ? this.timeout : this.headersTimeout
    if (timeout > 0) socket.setTimeout(timeout)
    connection.attach()
  }

  /** @internal The request in `chunk` and its prebuilt answer, or null. */
  answerOf(chunk: Buffer, socket: Socket): { request: SimpleHead; response: RawAnswer } | null {
    if (this.#closing) return null
    // Node's limit when it was set lower (http's maxHeaderSize option; Node's default is 16 KB).
    const nodeLimit = (this as { maxHeaderSize?: number }).maxHeaderSize ?? MAX_HEAD_BYTES
    const request = parseSimpleHead(chunk, Math.min(MAX_HEAD_BYTES, nodeLimit))
    if (request === null) return null
    const response = this.#respond(request, socket, chunk)
    if (response === null) return null
    this.answered += 1
    return { request, response }
  }

  /** @internal Give the connection to Node's HTTP server for good, `chunk` (not consumed) first. */
  handOff(connection: RawConnection, chunk: Buffer): void {
    const socket = connection.socket
    connection.detach()
    this.#raw.delete(socket)
    socket.setTimeout(0)
    // Paused, so the bytes put back wait in the socket's buffer until resume() makes it flow again, into the
    // data listener Node's connection listener installs (it reads later bytes from the handle directly).
    socket.pause()
    socket.unshift(chunk)
    this.#nodeConnectionListener.call(this, socket)
    socket.resume()
  }

  /** @internal */
  forget(socket: Socket): void {
    this.#raw.delete(socket)
  }

  /** @internal The bytes to write: status line, headers, Date, Connection (and Keep-Alive), body. */
  wireOf(answer: RawAnswer, close: boolean, headOnly: boolean): Buffer {
    const date = httpDate()
    let wire = close ? undefined : this.#wires.get(answer.head)
    if (wire === undefined || wire.date !== date || wire.keepAlive !== this.keepAliveTimeout) {
      wire = this.#build(answer, date, close)
      if (!close) {
        if (this.#wireBytes + wire.bytes.length > MAX_WIRE_BYTES) {
          this.#wires = new Map()
          this.#wireBytes = 0
        }
        const previous = this.#wires.get(answer.head)
        if (previous !== undefined) this.#wireBytes -= previous.bytes.length
        this.#wires.set(answer.head, wire)
        this.#wireBytes += wire.bytes.length
      }
    }
    return headOnly ? wire.bytes.subarray(0, wire.headLength) : wire.bytes
  }

  #build(answer: RawAnswer, date: string, close: boolean): Wire {
    const keepAlive = this.keepAliveTimeout
    // As Node's OutgoingMessage._storeHeader writes them after the response's own headers.
    const connection = close
      ? 'Connection: close\r\n'
      : keepAlive > 0
        ? `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(keepAlive / 1000)}\r\n`
        : 'Connection: keep-alive\r\n'
    const tail = Buffer.from(`Date: ${date}\r\n${connection}\r\n`, 'latin1')
    const headLength = answer.head.length + tail.length
    const parts = answer.body === null ? [answer.head, tail] : [answer.head, tail, answer.body]
    // Kept in #wires: its own allocation, so the bound counts what is held (see own-bytes.ts).
    return { date, keepAlive, bytes: ownConcat(parts), headLength }
  }

  #shutdownRaw(force: boolean): void {
    for (const connection of this.#raw.values()) connection.shutdown(force)
    this.#raw.clear()
  }

  override close(callback?: (err?: Error) => void): this {
    this.#closing = true
    this.#shutdownRaw(false)
    return super.close(callback)
  }

  override closeIdleConnections(): void {
    // Raw-owned connections are idle between requests (answers are written whole, at once).
    this.#shutdownRaw(false)
    super.closeIdleConnections()
  }

  override closeAllConnections(): void {
    this.#shutdownRaw(true)
    super.closeAllConnections()
  }
}
