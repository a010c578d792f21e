// Kinds of agency (行政机关 and the bodies that disclose like them), with their Chinese labels.

/** What sort of body an agency is; used for labels and, later, for report aggregation. */
export type AgencyKind =
  | 'government' // 人民政府
  | 'general_office' // 人民政府办公室（厅）: usually the 政府信息公开工作主管部门 (条例 第三条)
  | 'department' // 政府工作部门
  | 'township' // 乡（镇）人民政府
  | 'street_office' // 街道办事处
  | 'other' // 其他（如法律、法规授权的具有管理公共事务职能的组织，条例 第五十四条）

export const AGENCY_KINDS: readonly AgencyKind[] = [
  'government',
  'general_office',
  'department',
  'township',
  'street_office',
  'other',
]

export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  government: '人民政府',
  general_office: '政府办公室',
  department: '政府部门',
  township: '乡镇人民政府',
  street_office: '街道办事处',
  other: '其他机构',
}
