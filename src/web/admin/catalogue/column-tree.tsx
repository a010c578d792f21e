// The column tree of one agency as nested lists; each column with its kind, slug and the actions the user
// may take (edit, move up/down among its siblings), as plain links and small POST forms (no JavaScript).
import { CsrfField } from '../../shared/form-fields.tsx'
import { COLUMN_KIND_LABELS, type ColumnNode } from './catalogue-surface.ts'

export interface ColumnTreeProps {
  readonly nodes: readonly ColumnNode[]
  readonly canManage: boolean
  readonly csrfToken: string
}

function MoveButton(props: {
  readonly node: ColumnNode
  readonly direction: 'up' | 'down'
  readonly csrfToken: string
}) {
  return (
    <form method="post" action={`/admin/catalogue/columns/${props.node.id}/move`} class="inline">
      <CsrfField token={props.csrfToken} />
      <input type="hidden" name="direction" value={props.direction} />
      <button type="submit" class="link-button">
        {props.direction === 'up' ? '上移' : '下移'}
        <span class="visually-hidden" safe>{`（${props.node.name}）`}</span>
      </button>
    </form>
  )
}

function ColumnItem(props: {
  readonly node: ColumnNode
  readonly index: number
  readonly siblings: readonly ColumnNode[]
  readonly canManage: boolean
  readonly csrfToken: string
}) {
  const { node, index, siblings } = props
  const before = siblings[index - 1]
  const after = siblings[index + 1]
  return (
    <li>
      <strong safe>{node.name}</strong>{' '}
      <span class="tag" safe>
        {COLUMN_KIND_LABELS[node.kind]}
      </span>{' '}
      <code class="muted" safe>
        {node.slug}
      </code>
      {props.canManage ? (
        <>
          {' '}
          <a href={`/admin/catalogue/columns/${node.id}/edit`}>
            编辑<span class="visually-hidden" safe>{`（${node.name}）`}</span>
          </a>
          {before ? (
            <>
              {' · '}
              <MoveButton node={node} direction="up" csrfToken={props.csrfToken} />
            </>
          ) : (
            ''
          )}
          {after ? (
            <>
              {' · '}
              <MoveButton node={node} direction="down" csrfToken={props.csrfToken} />
            </>
          ) : (
            ''
          )}
        </>
      ) : (
        ''
      )}
      {node.children.length > 0 ? (
        <ColumnTree nodes={node.children} canManage={props.canManage} csrfToken={props.csrfToken} />
      ) : (
        ''
      )}
    </li>
  )
}

export function ColumnTree(props: ColumnTreeProps): JSX.Element {
  return (
    <ul class="tree">
      {props.nodes.map((node, index) => (
        <ColumnItem
          node={node}
          index={index}
          siblings={props.nodes}
          canManage={props.canManage}
          csrfToken={props.csrfToken}
        />
      ))}
    </ul>
  )
}

/** Columns as select options, indented by depth (for parent and column choices). */
export function columnOptions(nodes: readonly ColumnNode[], depth = 0): { value: string; label: string }[] {
  return nodes.flatMap((n) => [
    { value: String(n.id), label: `${'　'.repeat(depth)}${n.name}` },
    ...columnOptions(n.children, depth + 1),
  ])
}
