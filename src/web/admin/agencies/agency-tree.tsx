// The agency tree as nested lists, each agency with the actions the user may take on it.
import { AGENCY_KIND_LABELS, type AgencyNode } from '../../../accounts/index.ts'

export interface AgencyActions {
  readonly canUpdate: boolean
  readonly canCreateChild: boolean
  readonly canViewUsers: boolean
}

export interface AgencyTreeProps {
  readonly nodes: readonly AgencyNode[]
  readonly actionsFor: (agency: AgencyNode) => AgencyActions
}

function AgencyItem({
  node,
  actionsFor,
}: {
  readonly node: AgencyNode
  readonly actionsFor: AgencyTreeProps['actionsFor']
}) {
  const may = actionsFor(node)
  return (
    <li>
      <strong safe>{node.name}</strong>{' '}
      <span class="tag" safe>
        {AGENCY_KIND_LABELS[node.kind]}
      </span>
      {may.canUpdate ? (
        <>
          {' '}
          <a href={`/admin/agencies/${node.id}/edit`}>
            编辑
            <span class="visually-hidden" safe>
              {node.name}
            </span>
          </a>
        </>
      ) : (
        ''
      )}
      {may.canCreateChild ? (
        <>
          {' · '}
          <a href={`/admin/agencies/new?parentId=${node.id}`}>
            新建下级机构<span class="visually-hidden" safe>{`（${node.name}）`}</span>
          </a>
        </>
      ) : (
        ''
      )}
      {may.canViewUsers ? (
        <>
          {' · '}
          <a href={`/admin/users?agencyId=${node.id}`}>
            用户<span class="visually-hidden" safe>{`（${node.name}）`}</span>
          </a>
        </>
      ) : (
        ''
      )}
      {node.children.length > 0 ? <AgencyTree nodes={node.children} actionsFor={actionsFor} /> : ''}
    </li>
  )
}

export function AgencyTree({ nodes, actionsFor }: AgencyTreeProps): JSX.Element {
  return (
    <ul class="tree">
      {nodes.map((node) => (
        <AgencyItem node={node} actionsFor={actionsFor} />
      ))}
    </ul>
  )
}
