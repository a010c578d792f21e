// After a console or API write that changes what the public sees (publish, 撤稿, column changes), the portal's
// render cache of that agency is made stale, so the next request shows the change.
import { invalidatePortal } from '../../portal/portal-cache.ts'

export function publicPagesChanged(agencyId: number): void {
  invalidatePortal(agencyId)
}
