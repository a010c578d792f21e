// 依申请公开 cases: the case row with its derived work-queue columns, the applicant's personal data apart, the
// append-only event log, attachments, frozen letters (append-only), letter templates, settings and the
// per-agency per-year letter number counter. Indexes serve the work queue (agency or officer, status, due
// date) and the public tracking lookup (tracking code).
import type { Kysely } from 'kysely'
import { addAppendOnlyTriggers, addIdColumn, dropAppendOnlyTriggers, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db)
  const bytes = engine === 'sqlite' ? 'blob' : 'bytea'
  await addIdColumn(engine, db.schema.createTable('applications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_ref', 'text')
    .addColumn('form_wanted', 'text', (c) => c.notNull())
    .addColumn('delivery_method', 'text', (c) => c.notNull())
    .addColumn('intake_note', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('officer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answer_state', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('due_date', 'text')
    .addColumn('concluded_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addUniqueConstraint('applications_agency_idempotency', ['agency_id', 'idempotency_key'])
    .execute()
  await db.schema
    .createIndex('applications_queue')
    .on('applications')
    .columns(['agency_id', 'status', 'due_date', 'id'])
    .execute()
  await db.schema
    .createIndex('applications_officer_queue')
    .on('applications')
    .columns(['officer_id', 'status', 'due_date', 'id'])
    .execute()
  await db.schema
    .createIndex('applications_agency_created')
    .on('applications')
    .columns(['agency_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('application_applicants')
    .addColumn('application_id', 'integer', (c) =>
      c.primaryKey().references('applications.id').onDelete('cascade'),
    )
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('org_subtype', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .execute()

  await addIdColumn(engine, db.schema.createTable('application_events'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addUniqueConstraint('application_events_seq', ['application_id', 'seq'])
    .execute()
  await addAppendOnlyTriggers(db, 'application_events')

  await addIdColumn(engine, db.schema.createTable('application_attachments'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('application_attachments_application')
    .on('application_attachments')
    .column('application_id')
    .execute()

  await addIdColumn(engine, db.schema.createTable('application_letters'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('docx', bytes, (c) => c.notNull())
    .addColumn('pdf', bytes, (c) => c.notNull())
    .addColumn('sent_on', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addUniqueConstraint('application_letters_number', ['agency_id', 'year', 'serial'])
    .execute()
  await db.schema
    .createIndex('application_letters_application')
    .on('application_letters')
    .columns(['application_id', 'id'])
    .execute()
  await addAppendOnlyTriggers(db, 'application_letters')

  await db.schema
    .createTable('application_letter_templates')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addPrimaryKeyConstraint('application_letter_templates_pk', ['agency_id', 'kind'])
    .execute()

  await db.schema
    .createTable('application_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('letter_prefix', 'text', (c) => c.notNull())
    .addColumn('review_body', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('application_letter_serials')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_letter_serials_pk', ['agency_id', 'year'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_letter_serials').execute()
  await db.schema.dropTable('application_settings').execute()
  await db.schema.dropTable('application_letter_templates').execute()
  await dropAppendOnlyTriggers(db, 'application_letters')
  await db.schema.dropTable('application_letters').execute()
  await db.schema.dropTable('application_attachments').execute()
  await dropAppendOnlyTriggers(db, 'application_events')
  await db.schema.dropTable('application_events').execute()
  await db.schema.dropTable('application_applicants').execute()
  await db.schema.dropTable('applications').execute()
}
