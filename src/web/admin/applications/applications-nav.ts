// The console navigation entries of 依申请公开, decided by the applications policy on the user's own agency.
import type { Actor } from '../../../accounts/index.ts'
import type { NavItem } from '../../shared/admin-layout.tsx'
import { applicationAbilities } from './applications-surface.ts'

export function applicationsNav(actor: Actor): NavItem[] {
  const may = applicationAbilities(actor, { agencyId: actor.agencyId, agencyPath: actor.agencyPath })
  return may['application.view'] ? [{ href: '/admin/applications', label: '依申请公开' }] : []
}
