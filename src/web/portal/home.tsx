// Placeholder for the public portal home until the catalogue work fills it.
import type { FastifyInstance } from 'fastify'
import { Document } from '../shared/document.tsx'
import { sendHtml } from '../shared/html.ts'

function PortalHome() {
  return (
    <Document title="政府信息公开" siteName="公开 Gongkai">
      <main id="main" tabindex="-1">
        <div class="login-box">
          <h1>政府信息公开</h1>
          <p>公开门户正在建设中。</p>
          <p>
            <a href="/admin">进入管理控制台</a>
          </p>
        </div>
      </main>
    </Document>
  )
}

export function registerPortalRoutes(app: FastifyInstance): void {
  app.get('/', async (_request, reply) => sendHtml(reply, <PortalHome />))
}
