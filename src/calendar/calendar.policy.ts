// Who may change the working-day calendar: only 平台管理员 (the calendar is national, used by every agency).
import type { Actor } from '../accounts/index.ts'
import { DomainError } from '../shared/domain-error.ts'

/** May `actor` add or remove calendar overrides and declare years? */
export function canManageCalendar(actor: Actor): boolean {
  return actor.roles.includes('platform_admin')
}

/** @throws DomainError('forbidden') */
export function authorizeCalendar(actor: Actor): void {
  if (!canManageCalendar(actor)) throw new DomainError('forbidden', '只有平台管理员可以调整工作日日历')
}
