// Sending server-rendered HTML: pages are JSX elements (strings, or promises of strings for async components),
// or the encoded bytes of a page rendered earlier.
import type { FastifyReply } from 'fastify'

const HTML = 'text/html; charset=utf-8'

export async function sendHtml(
  reply: FastifyReply,
  page: JSX.Element | Buffer,
  status = 200,
): Promise<FastifyReply> {
  const html = Buffer.isBuffer(page) ? page : await page
  return (
    reply
      .code(status)
      .type(HTML)
      // Console pages show personal data: never store them in shared caches or the back/forward cache on exit.
      .header('cache-control', 'no-store')
      .send(html)
  )
}
