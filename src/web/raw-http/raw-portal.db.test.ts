// The raw socket fast path (raw-server.ts) against the real portal, spoken to with exact bytes over `net`
// sockets. Differential: a raw hit carries byte for byte what Fastify sends for the same cached page (the Date
// value aside) — 200, 304, HEAD, 410, `Connection: close`, another display mode. Fallbacks: everything that is
// not one complete simple request head in one chunk goes to Node and Fastify, and is answered right.
import { once } from 'node:events'
import { networkInterfaces } from 'node:os'
import { connect, type Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAgency } from '../../../test/factories.ts'
import { describeDb, useTestDb } from '../../../test/create-test-db.ts'
import { flushViews } from '../../catalogue/index.ts'
import { viewCounter } from '../../catalogue/view-counter.ts'
import { buildColumn, buildItem } from '../portal/portal-test-data.ts'
import { buildServer } from '../server.ts'
import { FastPathServer } from './raw-server.ts'

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36'
const HOST = 'portal.test'
const DATE_LINE = /\r\ndate: ([^\r]*)\r\n/i

interface Response {
  readonly status: number
  /** Status line and headers, `\r\n\r\n` included. */
  readonly head: string
  readonly body: Buffer
  /** Every byte of this response. */
  readonly bytes: Buffer
}

interface Exchange {
  readonly responses: Response[]
  /** The server closed the connection. */
  readonly closed: boolean
}

/** Responses parsed off `data`, as many as complete; `headOnly[i]` for answers to HEAD. */
function parseResponses(data: Buffer, headOnly: readonly boolean[]): Response[] {
  const responses: Response[] = []
  let pos = 0
  for (;;) {
    const end = data.indexOf('\r\n\r\n', pos)
    if (end < 0) return responses
    const head = data.toString('latin1', pos, end + 4)
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1])
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0)
    const bodyLength = headOnly[responses.length] === true || status === 304 ? 0 : length
    if (data.length < end + 4 + bodyLength) return responses
    responses.push({
      status,
      head,
      body: data.subarray(end + 4, end + 4 + bodyLength),
      bytes: data.subarray(pos, end + 4 + bodyLength),
    })
    pos = end + 4 + bodyLength
  }
}

type Step = string | Buffer | number | ((socket: Socket) => void)

/**
 * Connect to `port`, then for each step write the bytes or wait that many ms; resolve once `expected`
 * responses are in (and, with `untilClose`, the server has closed). Fails after 15 s.
 */
async function talk(
  port: number,
  steps: readonly Step[],
  expected: number,
  options: { headOnly?: readonly boolean[]; untilClose?: boolean; keep?: (socket: Socket) => void } = {},
): Promise<Exchange> {
  const socket = connect({ port, host: '127.0.0.1' })
  await once(socket, 'connect')
  const chunks: Buffer[] = []
  let closed = false
  const result = new Promise<Exchange>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no ${expected} responses within 15 s (${Buffer.concat(chunks).length} bytes)`))
    }, 15_000)
    const check = () => {
      const responses = parseResponses(Buffer.concat(chunks), options.headOnly ?? [])
      if (responses.length >= expected && (closed || options.untilClose !== true)) {
        clearTimeout(timer)
        if (options.keep === undefined) socket.destroy()
        else options.keep(socket)
        resolve({ responses, closed })
      }
    }
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      check()
    })
    socket.on('close', () => {
      closed = true
      check()
    })
    socket.on('error', () => undefined)
    if (expected === 0) check()
  })
  for (const step of steps) {
    if (typeof step === 'number') await new Promise((r) => setTimeout(r, step))
    else if (typeof step === 'function') step(socket)
    else socket.write(step)
  }
  return result
}

function get(url: string, extra: readonly string[] = [], method = 'GET', version = 'HTTP/1.1'): string {
  return [`${method} ${url} ${version}`, `Host: ${HOST}`, `User-Agent: ${BROWSER}`, ...extra, '', ''].join(
    '\r\n',
  )
}

/** The response with its Date value blanked (both paths write the current second). */
function normalised(response: Response): string {
  return response.bytes.toString('latin1').replace(DATE_LINE, '\r\ndate: <date>\r\n')
}

function portOf(app: FastifyInstance): number {
  const address = app.server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return address.port
}

function fastPath(app: FastifyInstance): FastPathServer {
  if (!(app.server instanceof FastPathServer)) throw new Error('not the fast path server')
  return app.server
}

const CONFIG = { secureCookies: false, sessionIdleMinutes: 30, sessionMaxHours: 12 }

describeDb('raw socket fast path for cached public pages', () => {
  const t = useTestDb()
  let raw: FastifyInstance
  let plain: FastifyInstance
  let rawPort = 0
  let plainPort = 0
  let itemUrl = ''
  let withdrawnUrl = ''
  let columnUrl = ''

  beforeAll(async () => {
    raw = await buildServer({ db: t.db, config: CONFIG })
    plain = await buildServer({ db: t.db, config: CONFIG, rawPortal: false })
    await raw.listen({ port: 0, host: '0.0.0.0' })
    await plain.listen({ port: 0, host: '127.0.0.1' })
    rawPort = portOf(raw)
    plainPort = portOf(plain)
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'raw' })
    const item = await buildItem(t.db, column, { title: '快速路径测试通知' })
    const withdrawn = await buildItem(t.db, column, { status: 'withdrawn', withdrawalReason: '信息有误' })
    itemUrl = `/zfxxgk/${agency.id}/raw/${item.id}.html`
    withdrawnUrl = `/zfxxgk/${agency.id}/raw/${withdrawn.id}.html`
    columnUrl = `/zfxxgk/${agency.id}/raw/`
  })
  afterAll(async () => {
    await Promise.all([raw.close(), plain.close()])
  })

  /** Ask Fastify (the plain server: renders on a miss, then from the cache), then the raw path; both answers. */
  async function both(request: string, options: { headOnly?: boolean; untilClose?: boolean } = {}) {
    const headOnly = [options.headOnly ?? false]
    await talk(plainPort, [request], 1, { headOnly })
    const fastify = (await talk(plainPort, [request], 1, { headOnly, untilClose: options.untilClose }))
      .responses[0]
    const before = fastPath(raw).answered
    const exchange = await talk(rawPort, [request], 1, { headOnly, untilClose: options.untilClose })
    const answeredRaw = fastPath(raw).answered - before
    if (fastify === undefined || exchange.responses[0] === undefined) throw new Error('no response')
    return { fastify, raw: exchange.responses[0], answeredRaw, closed: exchange.closed }
  }

  describe('differential: the raw hit is what Fastify sends', () => {
    it('200 with every header in order, Date, Connection and Keep-Alive', async () => {
      const r = await both(get(itemUrl))
      expect(r.answeredRaw).toBe(1)
      expect(r.raw.status).toBe(200)
      expect(r.raw.body.toString('utf8')).toContain('快速路径测试通知')
      expect(normalised(r.raw)).toBe(normalised(r.fastify))
      expect(r.raw.head).toMatch(/\r\nx-frame-options: DENY\r\n/)
      expect(r.raw.head).toMatch(/\r\nConnection: keep-alive\r\nKeep-Alive: timeout=\d+\r\n\r\n$/)
      const date = DATE_LINE.exec(r.raw.head)?.[1] ?? ''
      expect(new Date(date).toUTCString()).toBe(date)
      expect(Math.abs(Date.parse(date) - Date.now())).toBeLessThan(60_000)
    })

    it('304 for a matching If-None-Match', async () => {
      const first = await both(get(itemUrl))
      const etag = /\r\netag: ("[^"]+")\r\n/.exec(first.raw.head)?.[1] ?? ''
      expect(etag).not.toBe('')
      const r = await both(get(itemUrl, [`If-None-Match: ${etag}`]))
      expect(r.answeredRaw).toBe(1)
      expect(r.raw.status).toBe(304)
      expect(r.raw.body.length).toBe(0)
      expect(normalised(r.raw)).toBe(normalised(r.fastify))
      // HEAD with a matching ETag: Fastify's HEAD route answers it (its 304 carries content-length: 0).
      const head = await both(get(itemUrl, [`If-None-Match: ${etag}`], 'HEAD'), { headOnly: true })
      expect(head.answeredRaw).toBe(0)
      expect(head.raw.status).toBe(304)
      expect(normalised(head.raw)).toBe(normalised(head.fastify))
      const stale = await both(get(itemUrl, ['If-None-Match: "other"']))
      expect(stale.raw.status).toBe(200)
      expect(normalised(stale.raw)).toBe(normalised(stale.fastify))
    })

    it('HEAD: the same headers, no body', async () => {
      await both(get(itemUrl))
      const r = await both(get(itemUrl, [], 'HEAD'), { headOnly: true })
      expect(r.answeredRaw).toBe(1)
      expect(r.raw.status).toBe(200)
      expect(normalised(r.raw)).toBe(normalised(r.fastify))
      // Nothing follows the head: the next request's answer starts right after it.
      const two = await talk(rawPort, [get(itemUrl, [], 'HEAD'), 50, get(itemUrl)], 2, {
        headOnly: [true, false],
      })
      expect(two.responses.map((x) => x.status)).toEqual([200, 200])
      expect(two.responses[1]?.body.toString('utf8')).toContain('快速路径测试通知')
    })

    it('Connection: close is answered with Connection: close, then the connection closes', async () => {
      await both(get(itemUrl))
      const r = await both(get(itemUrl, ['Connection: close']), { untilClose: true })
      expect(r.answeredRaw).toBe(1)
      expect(r.closed).toBe(true)
      expect(r.raw.head).toMatch(/\r\nConnection: close\r\n\r\n$/)
      expect(normalised(r.raw)).toBe(normalised(r.fastify))
    })

    it('410 withdrawal notice, column page, another display mode', async () => {
      const withdrawn = await both(get(withdrawnUrl))
      expect(withdrawn.raw.status).toBe(410)
      expect(withdrawn.answeredRaw).toBe(1)
      expect(normalised(withdrawn.raw)).toBe(normalised(withdrawn.fastify))
      const column = await both(get(columnUrl))
      expect(column.answeredRaw).toBe(1)
      expect(normalised(column.raw)).toBe(normalised(column.fastify))
      const elder = await both(get(columnUrl, ['Cookie: a=1; gk_display=l-elder']))
      expect(elder.answeredRaw).toBe(1)
      expect(elder.raw.body.toString('utf8')).toContain('fs-l elder')
      expect(normalised(elder.raw)).toBe(normalised(elder.fastify))
    })
  })

  describe('fallbacks: answered by Node and Fastify, correctly', () => {
    /** Warm the cache, then run `steps` on the raw server: the responses and how many the raw path answered. */
    async function fallback(steps: readonly Step[], expected: number, options = {}) {
      await talk(plainPort, [get(itemUrl)], 1)
      const before = fastPath(raw).answered
      const exchange = await talk(rawPort, steps, expected, options)
      return { ...exchange, answeredRaw: fastPath(raw).answered - before }
    }

    it('a cache miss', async () => {
      const r = await fallback([get(`${itemUrl}?never-cached=1`)], 1)
      expect(r.answeredRaw).toBe(0)
      expect(r.responses[0]?.status).toBe(200)
    })

    it('POST to a cached URL', async () => {
      const r = await fallback(
        [
          `POST ${itemUrl} HTTP/1.1\r\nHost: ${HOST}\r\nContent-Length: 3\r\nContent-Type: text/plain\r\n\r\na=1`,
        ],
        1,
      )
      expect(r.answeredRaw).toBe(0)
      expect(r.responses[0]?.status).toBeGreaterThanOrEqual(400)
    })

    it('a chunked body on a GET', async () => {
      const r = await fallback([get(itemUrl, ['Transfer-Encoding: chunked']) + '0\r\n\r\n'], 1)
      expect(r.answeredRaw).toBe(0)
      expect(r.responses[0]?.status).toBe(200)
    })

    it('two pipelined requests in one packet', async () => {
      const r = await fallback([get(itemUrl) + get(columnUrl)], 2)
      expect(r.answeredRaw).toBe(0)
      expect(r.responses.map((x) => x.status)).toEqual([200, 200])
      expect(r.responses[0]?.body.toString('utf8')).toContain('快速路径测试通知')
    })

    it('a head split across packets, and one sent a byte at a time (slow client)', async () => {
      const request = get(itemUrl)
      const split = await fallback([request.slice(0, 20), 30, request.slice(20)], 1)
      expect(split.answeredRaw).toBe(0)
      expect(split.responses[0]?.body.toString('utf8')).toContain('快速路径测试通知')
      const slow = await fallback(
        [...request.slice(0, 40)].flatMap((c): Step[] => [c, 2]).concat([request.slice(40)]),
        1,
      )
      expect(slow.answeredRaw).toBe(0)
      expect(slow.responses[0]?.status).toBe(200)
    })

    it('HTTP/1.0 (answered and closed by Node)', async () => {
      const r = await fallback([get(itemUrl, [], 'GET', 'HTTP/1.0')], 1, { untilClose: true })
      expect(r.answeredRaw).toBe(0)
      expect(r.closed).toBe(true)
      expect(r.responses[0]?.head).toMatch(/^HTTP\/1\.1 200 /)
    })

    it('an oversized head: over the raw limit to Fastify, over Node’s limit 431', async () => {
      const large = await fallback([get(itemUrl, [`X-Padding: ${'a'.repeat(10_000)}`])], 1)
      expect(large.answeredRaw).toBe(0)
      expect(large.responses[0]?.status).toBe(200)
      const huge = await fallback([get(itemUrl, [`X-Padding: ${'a'.repeat(20_000)}`])], 1)
      expect(huge.answeredRaw).toBe(0)
      expect(huge.responses[0]?.status).toBe(431)
    })

    it('no Host, a duplicate Host, a folded line, an absolute-form target', async () => {
      const noHost = await fallback([`GET ${itemUrl} HTTP/1.1\r\nUser-Agent: x\r\n\r\n`], 1)
      expect(noHost.responses[0]?.status).toBe(400)
      // Node keeps the first Host; the raw path leaves the question to it.
      const twoHosts = await fallback([get(itemUrl, [`Host: ${HOST}`])], 1)
      expect(twoHosts.responses[0]?.status).toBe(200)
      const folded = await fallback([get(itemUrl, ['X-Note: a', ' folded'])], 1)
      expect(folded.responses[0]?.status).toBeLessThan(500)
      const absolute = await fallback([get(`http://${HOST}${itemUrl}`)], 1)
      expect(absolute.responses[0]?.status).toBeLessThan(500)
      for (const r of [noHost, twoHosts, folded, absolute]) expect(r.answeredRaw).toBe(0)
    })

    it('a second request that is not simple, after raw answers on the same connection', async () => {
      const post = `POST ${itemUrl} HTTP/1.1\r\nHost: ${HOST}\r\nContent-Length: 0\r\n\r\n`
      const r = await fallback([get(itemUrl), 50, post, 50, get(itemUrl)], 3)
      expect(r.answeredRaw).toBe(1)
      expect(r.responses[0]?.status).toBe(200)
      expect(r.responses[1]?.status).toBeGreaterThanOrEqual(400)
      expect(r.responses[2]?.status).toBe(200)
      expect(r.responses[2]?.body.toString('utf8')).toContain('快速路径测试通知')
    })

    const external = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address

    it.skipIf(external === undefined)('X-Forwarded-* from a peer that is not loopback', async () => {
      await talk(plainPort, [get(itemUrl)], 1)
      const before = fastPath(raw).answered
      const socket = connect({ port: rawPort, host: external, localAddress: external })
      await once(socket, 'connect')
      const chunks: Buffer[] = []
      socket.on('data', (c: Buffer) => chunks.push(c))
      socket.write(get(itemUrl, ['X-Forwarded-Host: evil.example', 'X-Forwarded-Proto: https']))
      for (let i = 0; i < 300 && parseResponses(Buffer.concat(chunks), []).length === 0; i++) {
        await new Promise((r) => setTimeout(r, 20))
      }
      socket.destroy()
      const response = parseResponses(Buffer.concat(chunks), [])[0]
      expect(fastPath(raw).answered - before).toBe(0)
      // Fastify ignores the forwarded host from such a peer: the page of the Host header.
      expect(response?.status).toBe(200)
      expect(response?.body.toString('utf8')).not.toContain('evil.example')
    })
  })

  it('keeps a connection alive for 100 requests, all answered raw, each byte-identical', async () => {
    await talk(plainPort, [get(itemUrl)], 1)
    const reference = (await talk(rawPort, [get(itemUrl)], 1)).responses[0]
    const before = fastPath(raw).answered
    const socket = connect({ port: rawPort, host: '127.0.0.1' })
    await once(socket, 'connect')
    let buffered = Buffer.alloc(0)
    for (let i = 0; i < 100; i++) {
      socket.write(get(itemUrl))
      for (;;) {
        const [response] = parseResponses(buffered, [])
        if (response !== undefined) {
          expect(normalised(response)).toBe(normalised(reference as Response))
          buffered = buffered.subarray(response.bytes.length)
          break
        }
        const [chunk] = (await once(socket, 'data')) as [Buffer]
        buffered = Buffer.concat([buffered, chunk])
      }
    }
    socket.destroy()
    expect(fastPath(raw).answered - before).toBe(100)
  })

  it('a client that does not read its answers gets every one of them, in order, once it reads', async () => {
    await talk(plainPort, [get(itemUrl)], 1)
    const steps: Step[] = [(s) => s.pause()]
    for (let i = 0; i < 60; i++) steps.push(get(i % 2 === 0 ? itemUrl : columnUrl), 2)
    steps.push(200, (s) => s.resume())
    const r = await talk(rawPort, steps, 60)
    expect(r.responses).toHaveLength(60)
    r.responses.forEach((response, i) => {
      expect(response.status).toBe(200)
      if (i % 2 === 0) expect(response.body.toString('utf8')).toContain('快速路径测试通知')
    })
  })

  it('counts views of people on raw hits, not of bots or HEAD requests', async () => {
    await talk(plainPort, [get(itemUrl)], 1)
    await flushViews(t.db)
    const before = fastPath(raw).answered
    await talk(rawPort, [get(itemUrl)], 1)
    await talk(rawPort, [get(itemUrl).replace(BROWSER, 'Mozilla/5.0 (compatible; Baiduspider/2.0)')], 1)
    await talk(rawPort, [get(itemUrl, [], 'HEAD')], 1, { headOnly: [true] })
    expect(fastPath(raw).answered - before).toBe(3)
    expect(viewCounter.pending).toBe(1)
  })
})

describeDb('raw socket fast path: idle connections and shutdown', () => {
  const t = useTestDb()

  it('counts raw hits in /metrics under the page route', async () => {
    const token = 'raw-metrics-token-0123456789'
    const app = await buildServer({ db: t.db, config: { ...CONFIG, metricsToken: token } })
    try {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const agency = await buildAgency(t.db)
      const column = await buildColumn(t.db, agency, { slug: 'met' })
      await buildItem(t.db, column)
      const url = `/zfxxgk/${agency.id}/met/`
      const served = async () => {
        const r = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } })
        let total = 0
        for (const line of r.body.split('\n')) {
          const match =
            /^gongkai_http_requests_total\{method="GET",route="\/zfxxgk\/[^"]*",status="2xx"\} (\d+)/.exec(
              line,
            )
          total += Number(match?.[1] ?? 0)
        }
        return total
      }
      await talk(portOf(app), [get(url)], 1)
      const before = await served()
      const answered = fastPath(app).answered
      await talk(portOf(app), [get(url), 20, get(url), 20, get(url)], 3)
      expect(fastPath(app).answered - answered).toBe(3)
      expect((await served()) - before).toBe(3)
    } finally {
      await app.close()
    }
  })

  it('closes an idle raw connection after keepAliveTimeout, and close() does not wait for open ones', async () => {
    const app = await buildServer({ db: t.db, config: CONFIG })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = portOf(app)
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'idle' })
    const item = await buildItem(t.db, column)
    const url = `/zfxxgk/${agency.id}/idle/${item.id}.html`
    await talk(port, [get(url)], 1)
    fastPath(app).keepAliveTimeout = 300
    const before = fastPath(app).answered
    // Answered raw, then left idle: the server closes it.
    const idle = await talk(port, [get(url)], 1, { untilClose: true })
    expect(idle.closed).toBe(true)
    expect(fastPath(app).answered - before).toBe(1)
    expect(idle.responses[0]?.head).toMatch(/\r\nKeep-Alive: timeout=0\r\n/)
    fastPath(app).keepAliveTimeout = 60_000
    // Three connections kept open after a raw answer each, one with nothing sent: close() ends them all.
    const open: Socket[] = []
    for (let i = 0; i < 3; i++) {
      await talk(port, i === 2 ? [] : [get(url)], i === 2 ? 0 : 1, { keep: (s) => open.push(s) })
    }
    expect(fastPath(app).rawConnections).toBe(3)
    const closed = Promise.all(open.map((s) => once(s, 'close')))
    await app.close()
    await closed
    expect(fastPath(app).rawConnections).toBe(0)
  })

  it('shuts down with answers still queued to a client that stopped reading, which then resets', async () => {
    const app = await buildServer({ db: t.db, config: CONFIG })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = portOf(app)
    const agency = await buildAgency(t.db)
    const column = await buildColumn(t.db, agency, { slug: 'rst' })
    await buildItem(t.db, column, { bodyHtml: `<p>${'正文'.repeat(20_000)}</p>` })
    const url = `/zfxxgk/${agency.id}/rst/`
    await talk(port, [get(url)], 1)
    const socket = connect({ port, host: '127.0.0.1' })
    socket.on('error', () => undefined)
    await once(socket, 'connect')
    socket.pause()
    const before = fastPath(app).answered
    // Sent one by one, so each is answered raw; never read, so the answers pile up in the server's socket
    // until the server stops reading (then a request stays unanswered: waited for up to 1 s, on a busy machine).
    for (let i = 0; i < 150; i++) {
      socket.write(get(url))
      const until = Date.now() + 1000
      while (fastPath(app).answered - before === i && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 2))
      }
      if (fastPath(app).answered - before === i) break
    }
    expect(fastPath(app).answered - before).toBeGreaterThan(10)
    const closing = app.close()
    await new Promise((r) => setTimeout(r, 20))
    socket.resetAndDestroy()
    await closing
    expect(fastPath(app).rawConnections).toBe(0)
  })
})
