// 表二 主动公开政府信息情况, gov2019 — labels exactly as printed (report-schema.json, format-and-law.md §2.1).
import type { T2BlockDef } from './types.ts'

export const T2_BLOCKS_GOV2019: readonly T2BlockDef[] = [
  {
    key: 'art20_1',
    caption: '第二十条第（一）项',
    legalBasis: '条例第二十条第（一）项',
    columns: [
      { key: 'new_made_this_year', label: '本年新制作数量', type: 'int' },
      { key: 'new_published_this_year', label: '本年新公开数量', type: 'int' },
      { key: 'total_published', label: '对外公开总数量', type: 'int' },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normative_documents', label: '规范性文件' },
    ],
  },
  {
    key: 'art20_5',
    caption: '第二十条第（五）项',
    legalBasis: '条例第二十条第（五）项',
    columns: [
      { key: 'prev_year_item_count', label: '上一年项目数量', type: 'int' },
      { key: 'change_this_year', label: '本年增/减', type: 'signed_int' },
      { key: 'decisions_count', label: '处理决定数量', type: 'int' },
    ],
    rows: [
      { key: 'administrative_licensing', label: '行政许可' },
      { key: 'other_external_services', label: '其他对外管理服务事项' },
    ],
  },
  {
    key: 'art20_6',
    caption: '第二十条第（六）项',
    legalBasis: '条例第二十条第（六）项',
    columns: [
      { key: 'prev_year_item_count', label: '上一年项目数量', type: 'int' },
      { key: 'change_this_year', label: '本年增/减', type: 'signed_int' },
      { key: 'decisions_count', label: '处理决定数量', type: 'int' },
    ],
    rows: [
      { key: 'administrative_penalty', label: '行政处罚' },
      { key: 'administrative_coercion', label: '行政强制' },
    ],
  },
  {
    key: 'art20_8',
    caption: '第二十条第（八）项',
    legalBasis: '条例第二十条第（八）项',
    columns: [
      { key: 'prev_year_item_count', label: '上一年项目数量', type: 'int' },
      { key: 'change_this_year', label: '本年增/减', type: 'signed_int' },
    ],
    rows: [
      { key: 'administrative_fees', label: '行政事业性收费' },
    ],
  },
  {
    key: 'art20_9',
    caption: '第二十条第（九）项',
    legalBasis: '条例第二十条第（九）项',
    columns: [
      { key: 'procurement_project_count', label: '采购项目数量', type: 'int' },
      { key: 'procurement_total_amount', label: '采购总金额', type: 'money' },
    ],
    rows: [
      { key: 'centralized_procurement', label: '政府集中采购' },
    ],
  },
]
