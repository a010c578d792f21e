// The work queue of a 监督员 (or an administrator) spans many agencies: "open cases by due date, nulls last",
// 50 at a time. The per-agency index (agency_id, status, due_date) made PostgreSQL gather every open case of
// the subtree and sort it (p95 308–532 ms at 100 000 cases). This partial index holds open cases only, in the
// queue's own order (undated cases last, then due date, then id), with agency_id at the end so the subtree
// test is read from the index: the planner walks it in order and stops after the page. Same SQL on both
// engines (SQLite ≥ 3.8 has partial and expression indexes). The status list must stay equal to
// OPEN_STATUSES in applications/work-queue.queries.ts, whose open views repeat it as literals so both
// planners can prove the index applies.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index applications_open_due on applications
    ((case when due_date is null then 1 else 0 end), due_date, id, agency_id)
    where status in ('awaiting_confirmation', 'in_progress', 'awaiting_correction', 'in_consultation', 'awaiting_fee')`.execute(
    db,
  )
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_open_due').execute()
}
