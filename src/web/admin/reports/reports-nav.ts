// The console navigation entries of the annual report and of 行政复议/行政诉讼 records, per the actor's roles.
import type { Actor } from '../../../accounts/index.ts'
import { canAppeal } from '../../../appeals/index.ts'
import { canReport } from '../../../annual-report/compute/index.ts'
import type { NavItem } from '../../shared/admin-layout.tsx'

export function reportsNav(actor: Actor): NavItem[] {
  const own = { agencyId: actor.agencyId, agencyPath: actor.agencyPath }
  const nav: NavItem[] = []
  if (canAppeal(actor, 'appeal.view', own))
    {nav.push({ href: `/admin/appeals/${actor.agencyId}`, label: '行政复议和行政诉讼' })}
  if (canReport(actor, 'annual_report.compute', own))
    {nav.push({ href: '/admin/reports', label: '政府信息公开年度报告' })}
  return nav
}
