// The console navigation entry of the working-day calendar: 平台管理员 only.
import type { Actor } from '../../../accounts/index.ts'
import { canManageCalendar } from '../../../calendar/index.ts'
import type { NavItem } from '../../shared/admin-layout.tsx'

export function calendarNav(actor: Actor): NavItem[] {
  return canManageCalendar(actor) ? [{ href: '/admin/calendar', label: '工作日日历' }] : []
}
