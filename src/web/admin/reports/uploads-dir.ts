// Where the report's Word and PDF attachments are stored: `<GONGKAI_DATA_DIR>/uploads`, or a temporary
// directory for a server built without a data directory (tests), as the catalogue's upload route does.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { uploadsDirOf } from '../../../catalogue/index.ts'

let scratch: string | undefined

export function uploadsDir(app: FastifyInstance): string {
  if (app.dataDir !== null) return uploadsDirOf(app.dataDir)
  scratch ??= mkdtempSync(path.join(tmpdir(), 'gongkai-uploads-'))
  return scratch
}
