// The tables' JSON of a published version, as downloaded (public: a published report is public information).
import type { DB } from '../../../storage/index.ts'
import { listVersionRows } from '../report-publish.queries.ts'

export async function findVersionJson(
  db: DB,
  input: { agencyId: number; year: number; version: number },
): Promise<{ json: string; contentHash: string } | undefined> {
  const row = (await listVersionRows(db, input.agencyId, input.year)).find((v) => v.version === input.version)
  return row && { json: row.tables_json, contentHash: row.content_hash }
}
