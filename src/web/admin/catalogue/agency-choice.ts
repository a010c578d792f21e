// Which agencies a catalogue page may be about for this user: the visible agencies on which the catalogue
// policy allows `action`, indented by depth for a select, and the one the page shows (asked for, else own).
import { agencyTarget, listAgenciesFlat, type Actor, type Agency } from '../../../accounts/index.ts'
import { DomainError } from '../../../shared/domain-error.ts'
import type { DB } from '../../../storage/index.ts'
import { canCatalogue, type CatalogueAction } from './catalogue-surface.ts'

export interface AgencyChoice {
  readonly agency: Agency
  readonly value: string
  readonly label: string
}

export async function agencyChoices(db: DB, actor: Actor, action: CatalogueAction): Promise<AgencyChoice[]> {
  const all = await listAgenciesFlat(db, actor)
  return all
    .filter((a) => canCatalogue(actor, action, agencyTarget(a)))
    .map((a) => ({
      agency: a,
      value: String(a.id),
      label: `${'　'.repeat(a.path.split('/').filter(Boolean).length - 1)}${a.name}`,
    }))
}

/** The agency a page shows: `requested` when allowed, else the user's own, else the first allowed. */
export function pickAgency(
  choices: readonly AgencyChoice[],
  actor: Actor,
  requested: number | undefined,
): Agency {
  const wanted = requested ?? actor.agencyId
  const hit =
    choices.find((c) => c.agency.id === wanted) ?? (requested === undefined ? choices[0] : undefined)
  if (hit === undefined) throw new DomainError('forbidden', '您没有管理该机构信息公开栏目的权限')
  return hit.agency
}
