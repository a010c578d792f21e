// The Agency type: one node of the agency tree, with its identity codes, site identity and disclosure-guide
// contact details. Plain data; rules live in the policy and operations files.
import type { AgencyKind } from './agency-kind.ts'

/** Site identity printed in the portal footer (政府网站发展指引, 国办发〔2017〕47号). */
export interface SiteIdentity {
  /** 网站标识码 */
  readonly siteCode: string | null
  /** 主办单位 */
  readonly sponsor: string | null
  /** ICP备案 text, e.g. 京ICP备05070218号 */
  readonly icpRecord: string | null
  /** 公安机关备案 text, e.g. 京公网安备 11010202000001号 */
  readonly policeRecord: string | null
}

/** Contact details of the 政府信息公开指南 (条例 第十二条: 公开工作机构的名称、办公地址、办公时间、联系电话、传真号码、电子邮箱). */
export interface DisclosureGuideContact {
  readonly office: string | null
  readonly address: string | null
  readonly hours: string | null
  readonly phone: string | null
  readonly fax: string | null
  readonly email: string | null
  readonly postcode: string | null
}

/** An agency (行政机关 or comparable body) in the supervision tree. */
export interface Agency {
  readonly id: number
  /** The supervising agency; null for a root. */
  readonly parentId: number | null
  /** Ids from the root down to this agency, as `/1/4/9/`; a prefix test decides "in the subtree". */
  readonly path: string
  readonly name: string
  readonly kind: AgencyKind
  /** 统一社会信用代码 (18 characters, GB 32100-2015). */
  readonly creditCode: string | null
  /** 组织机构代码 (9 characters, GB 11714-1997), for agencies without a credit code. */
  readonly orgCode: string | null
  readonly site: SiteIdentity
  readonly guide: DisclosureGuideContact
  readonly createdAt: string
  readonly updatedAt: string
}

/** An agency with its subordinate agencies, as `listAgencies` returns them. */
export interface AgencyNode extends Agency {
  readonly children: readonly AgencyNode[]
}

/** True when `path` lies in the subtree rooted at `rootPath` (the root itself included). */
export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath)
}
