// 表二 主动公开政府信息情况, gov2021 — labels exactly as printed (report-schema.json, format-and-law.md §1.2).
import type { T2BlockDef } from './types.ts'

export const T2_BLOCKS_GOV2021: readonly T2BlockDef[] = [
  {
    key: 'art20_1',
    caption: '第二十条第（一）项',
    legalBasis: '条例第二十条第（一）项 行政法规、规章和规范性文件',
    columns: [
      { key: 'issued_this_year', label: '本年制发件数', type: 'int', aliases: ['本年制发', '制发件数'] },
      { key: 'repealed_this_year', label: '本年废止件数', type: 'int' },
      { key: 'currently_valid', label: '现行有效件数', type: 'int', aliases: ['现行有效'] },
    ],
    rows: [
      { key: 'rules', label: '规章' },
      { key: 'normative_documents', label: '行政规范性文件', aliases: ['规范性文件'] },
    ],
  },
  {
    key: 'art20_5',
    caption: '第二十条第（五）项',
    legalBasis: '条例第二十条第（五）项 行政许可和其他对外管理服务事项',
    columns: [
      { key: 'decisions_this_year', label: '本年处理决定数量', type: 'int', aliases: ['处理决定数量'] },
    ],
    rows: [
      { key: 'administrative_licensing', label: '行政许可' },
    ],
  },
  {
    key: 'art20_6',
    caption: '第二十条第（六）项',
    legalBasis: '条例第二十条第（六）项 行政处罚、行政强制',
    columns: [
      { key: 'decisions_this_year', label: '本年处理决定数量', type: 'int', aliases: ['处理决定数量'] },
    ],
    rows: [
      { key: 'administrative_penalty', label: '行政处罚' },
      { key: 'administrative_coercion', label: '行政强制' },
    ],
  },
  {
    key: 'art20_8',
    caption: '第二十条第（八）项',
    legalBasis: '条例第二十条第（八）项 行政事业性收费项目及其依据、标准',
    columns: [
      { key: 'fee_amount', label: '本年收费金额（单位：万元）', type: 'decimal', unit: '万元' },
    ],
    rows: [
      { key: 'administrative_fees', label: '行政事业性收费' },
    ],
  },
]
