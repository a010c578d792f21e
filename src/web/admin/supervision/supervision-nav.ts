// The console navigation entry of the 考核 overview: 监督员, 机构管理员 and 平台管理员 (of their own agency).
import type { Actor } from '../../../accounts/index.ts'
import { canSupervise } from '../../../supervision/index.ts'
import type { NavItem } from '../../shared/admin-layout.tsx'

export function supervisionNav(actor: Actor): NavItem[] {
  const target = { agencyId: actor.agencyId, agencyPath: actor.agencyPath }
  return canSupervise(actor, 'supervision.kaohe', target)
    ? [{ href: '/admin/supervision', label: '考核情况' }]
    : []
}
