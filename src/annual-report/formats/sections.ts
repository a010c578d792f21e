// The six sections (条例第五十条; format-and-law.md §1.1). The 2019 template's exact headings were not
// retrieved [unverified]; real 2019/2020 reports use the same six headings, so both formats share them.
import type { SectionDef } from './types.ts'

export const SECTIONS: readonly SectionDef[] = [
  { key: 's1_overview', number: '一', label: '总体情况', variants: ['总体情况', '概述'] },
  {
    key: 's2_proactive',
    number: '二',
    label: '主动公开政府信息情况',
    variants: ['主动公开政府信息情况', '行政机关主动公开政府信息情况'],
    table: 't2',
  },
  {
    key: 's3_applications',
    number: '三',
    label: '收到和处理政府信息公开申请情况',
    variants: ['收到和处理政府信息公开申请情况', '行政机关收到和处理政府信息公开申请情况', '依申请公开政府信息情况'],
    table: 't3',
  },
  {
    key: 's4_review_litigation',
    number: '四',
    label: '政府信息公开行政复议、行政诉讼情况',
    variants: [
      '政府信息公开行政复议、行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
      '因政府信息公开申请行政复议和提起行政诉讼情况',
    ],
    table: 't4',
  },
  {
    key: 's5_problems',
    number: '五',
    label: '存在的主要问题及改进情况',
    variants: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在的主要问题和改进情况', '存在的主要问题及整改措施'],
  },
  { key: 's6_other', number: '六', label: '其他需要报告的事项', variants: ['其他需要报告的事项'] },
]
