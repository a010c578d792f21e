// Sending server-rendered HTML: pages are JSX elements (strings, or promises of strings for async components).
import type { FastifyReply } from 'fastify'

export async function sendHtml(reply: FastifyReply, page: JSX.Element, status = 200): Promise<FastifyReply> {
  const html = await page
  return (
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      // Console pages show personal data: never store them in shared caches or the back/forward cache on exit.
      .header('cache-control', 'no-store')
      .send(html)
  )
}
