// The catalogue (主动公开): columns per agency, items with their catalogue metadata, attachments, per-agency
// settings and 索引号 serial counters. Indexes serve the portal's reads on millions of items: a column page
// is a range of (agency_id, column_id, status, published_at), an agency home one of (agency_id, status,
// published_at).
import type { Kysely } from 'kysely'
import { addIdColumn, engineOf } from '../dialects/engine.ts'

export async function up(db: Kysely<unknown>): Promise<void> {
  const engine = engineOf(db)
  await addIdColumn(engine, db.schema.createTable('catalogue_columns'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('catalogue_columns.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalogue_columns_agency_slug', ['agency_id', 'slug'])
    .execute()
  await db.schema
    .createIndex('catalogue_columns_tree')
    .on('catalogue_columns')
    .columns(['agency_id', 'parent_id', 'position'])
    .execute()

  await addIdColumn(engine, db.schema.createTable('catalogue_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('catalogue_columns.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic_code', 'text')
    .addColumn('publisher_name', 'text', (c) => c.notNull())
    .addColumn('written_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('doc_number', 'text')
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text')
    .addColumn('repealed_on', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('item_type', 'text', (c) => c.notNull())
    .addColumn('made_on', 'text')
    .addColumn('published_on_time', 'integer')
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('reviewed_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('catalogue_items_column_list')
    .on('catalogue_items')
    .columns(['agency_id', 'column_id', 'status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('catalogue_items_column_topic_list')
    .on('catalogue_items')
    .columns(['agency_id', 'column_id', 'topic_code', 'status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('catalogue_items_agency_latest')
    .on('catalogue_items')
    .columns(['agency_id', 'status', 'published_at', 'id'])
    .execute()
  await db.schema
    .createIndex('catalogue_items_scheduled')
    .on('catalogue_items')
    .columns(['status', 'scheduled_at'])
    .execute()

  await addIdColumn(engine, db.schema.createTable('catalogue_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('catalogue_items.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('catalogue_attachments_item')
    .on('catalogue_attachments')
    .columns(['item_id', 'position'])
    .execute()

  await db.schema
    .createTable('catalogue_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('index_pattern', 'text')
    .addColumn('topics_json', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('catalogue_index_serials')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('catalogue_index_serials_pk', ['agency_id', 'period'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('catalogue_index_serials').execute()
  await db.schema.dropTable('catalogue_settings').execute()
  await db.schema.dropTable('catalogue_attachments').execute()
  await db.schema.dropTable('catalogue_items').execute()
  await db.schema.dropTable('catalogue_columns').execute()
}
