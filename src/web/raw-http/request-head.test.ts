// The raw path's request-head reader accepts only one complete, simple GET/HEAD head, and says which fields it saw.
import { describe, expect, it } from 'vitest'
import { headersOf, parseSimpleHead } from './request-head.ts'

const head = (text: string) => parseSimpleHead(Buffer.from(text, 'latin1'))

describe('parseSimpleHead', () => {
  it('reads a simple GET with the fields an answer depends on', () => {
    const parsed = head(
      'GET /zfxxgk/1/zcwj/?page=2 HTTP/1.1\r\nhost: a.test\r\nUSER-AGENT:  Mozilla/5.0 \r\n' +
        'Cookie: gk_display=l\r\nIf-None-Match: "x"\r\nAccept: */*\r\nConnection: Keep-Alive\r\n\r\n',
    )
    expect(parsed).toEqual({
      method: 'GET',
      url: '/zfxxgk/1/zcwj/?page=2',
      host: 'a.test',
      cookie: 'gk_display=l',
      userAgent: 'Mozilla/5.0',
      ifNoneMatch: '"x"',
      forwardedProto: undefined,
      forwardedHost: undefined,
      forwardedFor: undefined,
      close: false,
    })
    expect(head('HEAD / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n')).toMatchObject({
      method: 'HEAD',
      close: true,
    })
  })

  it.each([
    ['partial head', 'GET / HTTP/1.1\r\nHost: a\r\n'],
    ['pipelined', 'GET / HTTP/1.1\r\nHost: a\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['body bytes', 'GET / HTTP/1.1\r\nHost: a\r\n\r\nx'],
    ['POST', 'POST / HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['HTTP/1.0', 'GET / HTTP/1.0\r\nHost: a\r\n\r\n'],
    ['absolute form', 'GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['asterisk form', 'OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['raw UTF-8 in the target', 'GET /é HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['no Host', 'GET / HTTP/1.1\r\nAccept: */*\r\n\r\n'],
    ['empty Host', 'GET / HTTP/1.1\r\nHost: \r\n\r\n'],
    ['two Hosts', 'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n'],
    ['two cookies', 'GET / HTTP/1.1\r\nHost: a\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n'],
    ['Content-Length', 'GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n'],
    ['Transfer-Encoding', 'GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n'],
    ['Upgrade', 'GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'],
    ['Expect', 'GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n'],
    ['Connection list', 'GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, TE\r\n\r\n'],
    ['folded line', 'GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n'],
    ['space before colon', 'GET / HTTP/1.1\r\nHost : a\r\n\r\n'],
    ['bare LF', 'GET / HTTP/1.1\r\nHost: a\nX: b\r\n\r\n'],
    ['control byte in a value', 'GET / HTTP/1.1\r\nHost: a\r\nX: b\x00c\r\n\r\n'],
    ['line without colon', 'GET / HTTP/1.1\r\nHost: a\r\nnonsense\r\n\r\n'],
  ])('leaves to Node: %s', (_name, text) => {
    expect(head(text)).toBeNull()
  })

  it('leaves heads over the size limit to Node', () => {
    const text = `GET / HTTP/1.1\r\nHost: a\r\nX-Pad: ${'a'.repeat(200)}\r\n\r\n`
    expect(parseSimpleHead(Buffer.from(text), 8192)).not.toBeNull()
    expect(parseSimpleHead(Buffer.from(text), 100)).toBeNull()
  })

  it('gives the header lines as Node would, for log lines', () => {
    expect(headersOf(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\nUser-Agent:  x y \r\n\r\n'))).toEqual({
      host: 'a',
      'user-agent': 'x y',
    })
  })
})
