// The console navigation entries of the catalogue, decided by the catalogue policy on the user's own agency.
import type { Actor } from '../../../accounts/index.ts'
import type { NavItem } from '../../shared/admin-layout.tsx'
import { catalogueAbilities } from './catalogue-surface.ts'

export function catalogueNav(actor: Actor): NavItem[] {
  const may = catalogueAbilities(actor, { agencyId: actor.agencyId, agencyPath: actor.agencyPath })
  const nav: NavItem[] = []
  if (may['catalogue.item.view']) nav.push({ href: '/admin/catalogue/items', label: '信息列表' })
  if (may['catalogue.item.review']) nav.push({ href: '/admin/catalogue/review', label: '保密审查' })
  if (may['catalogue.item.view']) nav.push({ href: '/admin/catalogue/deadlines', label: '即将到期与逾期' })
  if (may['catalogue.column.manage']) nav.push({ href: '/admin/catalogue/columns', label: '栏目管理' })
  return nav
}
