// The bulk-import checkpoint: one row per (kind, agency, input file by its sha256). It is written in the same
// transaction as each batch of rows, so after a kill the next run starts exactly after the last committed row.
import type { Generated, Selectable } from 'kysely'

export interface BulkImportCheckpointTable {
  id: Generated<number>
  /** 'items' | 'applications' */
  kind: string
  agency_id: number
  /** sha256 (hex) of the whole input file. */
  file_sha256: string
  /** The file name as given on the first run (for the operator). */
  file_name: string
  /** Byte offset just after the last committed input record. */
  next_offset: number
  /** 1-based number of the next input line. */
  next_line: number
  imported_rows: number
  rejected_rows: number
  /** Size of FILE.rejected.jsonl at the last commit (a re-run truncates it back to this). */
  rejected_bytes: number
  /** 1 once the whole file has been read and committed. */
  completed: number
  started_at: string
  updated_at: string
}

export type BulkImportCheckpointRow = Selectable<BulkImportCheckpointTable>
