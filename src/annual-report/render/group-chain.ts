import type { GroupDef } from '../formats/index.ts'

/** The groups above a row or column, outermost first, e.g. 表三 `withheld` → [三、本年度办理结果, （三）不予公开]. */
export function groupChain(groups: readonly GroupDef[], key: string | undefined): GroupDef[] {
  const chain: GroupDef[] = []
  let current = groups.find((g) => g.key === key)
  while (current) {
    chain.unshift(current)
    const parent = current.parent
    current = parent === undefined ? undefined : groups.find((g) => g.key === parent)
  }
  return chain
}
