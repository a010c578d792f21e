// Layout rules on hand-placed text items, for cases the three real PDFs do not show (a column left blank in
// every row, prose paragraphs across lines, page numbers). Coordinates are PDF points, y upwards, A4.
import { describe, expect, it } from 'vitest'
import { pagesToBlocks } from './pdf.ts'
import type { PdfTextItem } from './pdf-geometry.ts'

const A4 = { width: 595, height: 842 }

function item(str: string, x: number, y: number, size = 10): PdfTextItem {
  return {
    str,
    x,
    y,
    width: [...str].length * size * (/^[\d.]+$/.test(str) ? 0.5 : 1),
    height: size,
    vertical: false,
  }
}

/** A 表三-like table: seven value columns, numbers only under 自然人 and 总计 (the 002.html situation in a PDF). */
function tableWithBlankColumns(): PdfTextItem[] {
  const columns = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
  const x = (i: number): number => 300 + i * 45
  return [
    item('三、收到和处理政府信息公开申请情况', 100, 700, 16),
    ...columns.map((label, i) => item(label, x(i), 650, 6)),
    item('一、本年新收政府信息公开申请数量', 80, 620),
    item('26', x(0) + 5, 620),
    item('26', x(6) + 5, 620),
    item('（二）部分公开（区分处理的，只计这一情', 80, 605),
    item('0', x(0) + 5, 598),
    item('0', x(6) + 5, 598),
    item('形，不计其他情形）', 80, 591),
    item('四、结转下年度继续办理', 80, 570),
    item('0', x(0) + 5, 570),
    item('0', x(6) + 5, 570),
  ]
}

describe('pagesToBlocks', () => {
  it('keeps a value column that is blank in every row, found from its header, as empty cells', () => {
    const blocks = pagesToBlocks([{ ...A4, items: tableWithBlankColumns() }])
    const table = blocks.find((b) => b.kind === 'table')
    const rows = table?.kind === 'table' ? table.rows : []
    expect(rows.at(-3)).toEqual(['一、本年新收政府信息公开申请数量', '26', '', '', '', '', '', '26'])
    expect(rows.at(-2)).toEqual([
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '0',
      '',
      '',
      '',
      '',
      '',
      '0',
    ])
    expect(rows.at(-4)?.slice(1)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ])
    expect(blocks[0]).toEqual({ kind: 'text', text: '三、收到和处理政府信息公开申请情况' })
  })

  it('joins wrapped prose lines into paragraphs, starts a new one at an indent, and drops page numbers', () => {
    const full = '一二三四五六七八九十'.repeat(4)
    const blocks = pagesToBlocks([
      {
        ...A4,
        items: [
          item('一、总体情况', 100, 760, 16),
          item(full.slice(2), 100, 730, 10),
          item(full, 80, 715, 10),
          item('2024 年结束。', 80, 700, 10),
          item('新的段落', 100, 685, 10),
          item('- 1 -', 280, 40, 10),
        ],
      },
      { ...A4, items: [item('第二页', 80, 760, 10), item('-2-', 280, 40, 10)] },
    ])
    expect(blocks).toEqual([
      { kind: 'text', text: '一、总体情况' },
      { kind: 'text', text: `${full.slice(2)}${full}2024年结束。` },
      { kind: 'text', text: '新的段落' },
      { kind: 'text', text: '第二页' },
    ])
  })

  it('keeps a wide gap between a metadata label and its value as a space', () => {
    const blocks = pagesToBlocks([
      {
        ...A4,
        items: [item('索引号', 80, 760), item('014314799/2024-00002', 160, 760), item('主题分类', 80, 740)],
      },
    ])
    expect(blocks).toEqual([
      { kind: 'text', text: '索引号 014314799/2024-00002' },
      { kind: 'text', text: '主题分类' },
    ])
  })

  it('gives no blocks for pages without text (a scanned report)', () => {
    expect(pagesToBlocks([{ ...A4, items: [] }])).toEqual([])
  })
})
