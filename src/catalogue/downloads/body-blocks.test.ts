import { describe, expect, it } from 'vitest'
import { placeCells } from '../../documents/index.ts'
import { bodyBlocks, type BodyBlock } from './body-blocks.ts'

function texts(blocks: BodyBlock[]): string[] {
  return blocks.map((b) =>
    b.kind === 'paragraph'
      ? b.runs.map((r) => r.text).join('')
      : b.kind === 'heading'
        ? `#${b.text}`
        : '[table]',
  )
}

describe('bodyBlocks', () => {
  it('reads paragraphs, headings and styled runs, trimming the hand-typed indent', () => {
    const blocks = bodyBlocks(
      '<h2>一、总体情况</h2><p>　　全年主动公开<strong>229</strong>条，<em>无</em><u>申请</u>。</p>',
    )
    expect(blocks[0]).toEqual({ kind: 'heading', level: 2, text: '一、总体情况' })
    expect(blocks[1]).toEqual({
      kind: 'paragraph',
      runs: [
        { text: '全年主动公开' },
        { text: '229', bold: true },
        { text: '条，' },
        { text: '无', italic: true },
        { text: '申请', underline: true },
        { text: '。' },
      ],
    })
  })

  it('numbers ordered lists, marks unordered ones and nests them one level deeper', () => {
    const blocks = bodyBlocks('<ol><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ol>')
    expect(blocks.map((b) => (b.kind === 'paragraph' ? b.list : undefined))).toEqual([
      { marker: '1.', depth: 0 },
      { marker: '•', depth: 1 },
      { marker: '2.', depth: 0 },
    ])
    expect(texts(blocks)).toEqual(['甲', '甲一', '乙'])
  })

  it('splits lines at <br>, leaves images out and keeps only http(s)/mailto links', () => {
    const blocks = bodyBlocks(
      '<p>单位<br>日期<img src="a.png"></p><p><a href="javascript:alert(1)">坏</a><a href="https://a.gov.cn/">好</a></p>',
    )
    expect(texts(blocks)).toEqual(['单位', '日期', '坏好'])
    const last = blocks[2]
    expect(last?.kind === 'paragraph' ? last.runs : []).toEqual([
      { text: '坏' },
      { text: '好', href: 'https://a.gov.cn/' },
    ])
  })

  it('evens out a ragged table so that every row covers the grid', () => {
    const html =
      '<table><tr><th>项目</th><th>数量</th><th>备注</th></tr><tr><td rowspan="9">甲</td><td>1</td></tr><tr><td>2</td><td colspan="5">长</td></tr></table>'
    const table = bodyBlocks(html)[0]
    expect(table?.kind).toBe('table')
    if (table?.kind !== 'table') return
    expect(table.grid.headerRows).toBe(1)
    expect(table.grid.columnWidths).toHaveLength(7)
    expect(() => placeCells(table.grid)).not.toThrow()
    const placed = placeCells(table.grid)
    expect(placed.find((p) => p.cell.text === '甲')?.rowSpan).toBe(2)
  })

  it('gives row labels the room and keeps short headers such as 总计 on one line', () => {
    const label = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'
    const cells = ['0', '0', '0', '0', '0', '0', '0'].map((v) => `<td>${v}</td>`).join('')
    const html = `<table><tr><th>项目</th><th>自然人</th><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th><th>总计</th></tr><tr><td>${label}</td>${cells}</tr></table>`
    const table = bodyBlocks(html)[0]
    if (table?.kind !== 'table') throw new Error('no table')
    const [first = 0, ...rest] = table.grid.columnWidths
    const total = table.grid.columnWidths.reduce((a, b) => a + b, 0)
    for (const w of rest) expect(first).toBeGreaterThan(w)
    // 总计 is 4 half-width units; its column is at least that share of the 84 units a full-width table has.
    expect((rest[rest.length - 1] ?? 0) / total).toBeGreaterThanOrEqual(4 / 84)
  })

  it('never throws on broken markup', () => {
    for (const html of ['<p><b>未闭合', '<table><tr><td colspan="x">a', '</p></li></table>', '<ul>散', '']) {
      expect(() => bodyBlocks(html)).not.toThrow()
    }
  })
})
