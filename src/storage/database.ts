// The `Database` interface: every table of every module, assembled from the modules' `*.table.ts` files.
// A module that adds a table adds its interface here and a migration in ./migrations/.
import type { Kysely } from 'kysely'
import type { AgencyTable } from '../accounts/agency.table.ts'
import type { AuditLogTable } from '../accounts/audit.table.ts'
import type { LoginAttemptTable, SessionTable, UserRoleTable, UserTable } from '../accounts/user.table.ts'
import type { CalendarDeclaredYearTable, CalendarOverrideTable } from '../calendar/calendar.table.ts'
import type { CatalogueColumnTable } from '../catalogue/column.table.ts'
import type {
  CatalogueAttachmentTable,
  CatalogueIndexSerialTable,
  CatalogueItemTable,
  CatalogueSettingsTable,
} from '../catalogue/item.table.ts'
import type { SearchDocumentTable } from '../search/search.table.ts'
import type {
  ApplicationApplicantTable,
  ApplicationAttachmentTable,
  ApplicationEventTable,
  ApplicationLetterSerialTable,
  ApplicationLetterTable,
  ApplicationLetterTemplateTable,
  ApplicationSettingsTable,
  ApplicationTable,
} from '../applications/application.table.ts'
import type { AppealTable } from '../appeals/appeal.table.ts'
import type { ReportManualFigureTable } from '../annual-report/compute/manual-figure.table.ts'
import type { ReportDraftTable, ReportVersionTable } from '../annual-report/publish/report-publish.table.ts'
import type { BulkImportCheckpointTable } from '../bulk-import/checkpoint.table.ts'
import type { ScheduledJobTable } from '../jobs/scheduled-job.table.ts'
import type { RateLimitHitTable } from '../web/cluster/rate-limit-hit.table.ts'

export interface Database {
  agencies: AgencyTable
  users: UserTable
  user_roles: UserRoleTable
  sessions: SessionTable
  login_attempts: LoginAttemptTable
  audit_log: AuditLogTable
  calendar_overrides: CalendarOverrideTable
  calendar_declared_years: CalendarDeclaredYearTable
  catalogue_columns: CatalogueColumnTable
  catalogue_items: CatalogueItemTable
  catalogue_attachments: CatalogueAttachmentTable
  catalogue_settings: CatalogueSettingsTable
  catalogue_index_serials: CatalogueIndexSerialTable
  search_documents: SearchDocumentTable
  applications: ApplicationTable
  application_applicants: ApplicationApplicantTable
  application_events: ApplicationEventTable
  application_attachments: ApplicationAttachmentTable
  application_letters: ApplicationLetterTable
  application_letter_templates: ApplicationLetterTemplateTable
  application_settings: ApplicationSettingsTable
  application_letter_serials: ApplicationLetterSerialTable
  appeals: AppealTable
  report_manual_figures: ReportManualFigureTable
  report_drafts: ReportDraftTable
  report_versions: ReportVersionTable
  bulk_import_checkpoints: BulkImportCheckpointTable
  scheduled_jobs: ScheduledJobTable
  rate_limit_hits: RateLimitHitTable
}

/** The typed query builder over `Database`; a `Transaction<Database>` is one too. */
export type DB = Kysely<Database>
