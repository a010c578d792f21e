import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractHtmlBlocks } from './html.ts'
import type { SourceBlock } from './source.ts'

const sample002 = readFileSync(new URL('../fixtures/002.html', import.meta.url), 'utf8')

function tables(blocks: SourceBlock[]): string[][][] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []))
}

function texts(blocks: SourceBlock[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []))
}

function repeat(text: string, times: number): string[] {
  return Array.from({ length: times }, () => text)
}

function rowStartingWith(rows: string[][], label: string): string[] | undefined {
  return rows.find((row) => row.includes(label))
}

describe('extractHtmlBlocks on 002.html (沭阳县发展和改革局 2023)', () => {
  const blocks = extractHtmlBlocks(sample002)
  const [metadata, t2, t3, t4] = tables(blocks)

  it('finds the metadata table and the three report tables in order', () => {
    expect(tables(blocks)).toHaveLength(4)
    expect(metadata?.[1]).toEqual(['索引号', '014314799/2024-00002', '分类', '信息公开年报其他报告'])
    expect(metadata?.[0]).toEqual(['名称', ...repeat('沭阳县发展和改革局2023年政府信息公开年度报告', 3)])
  })

  it('keeps the five blank 法人或其他组织 cells of 表三 as empty strings, distinct from 0', () => {
    expect(rowStartingWith(t3 ?? [], '一、本年新收政府信息公开申请数量')).toEqual([
      ...repeat('一、本年新收政府信息公开申请数量', 3),
      '26',
      '',
      '',
      '',
      '',
      '',
      '26',
    ])
    expect(rowStartingWith(t3 ?? [], '二、上年结转政府信息公开申请数量')?.slice(3)).toEqual([
      '0',
      '',
      '',
      '',
      '',
      '',
      '0',
    ])
  })

  it('repeats rowspan labels down their rows (三、本年度办理结果 over 22 rows, （三）不予公开 over 8)', () => {
    const body = (t3 ?? []).filter((row) => row[0] === '三、本年度办理结果')
    expect(body).toHaveLength(22)
    expect(body.filter((row) => row[1] === '（三）不予公开')).toHaveLength(8)
    expect(rowStartingWith(t3 ?? [], '3.其他')?.slice(0, 3)).toEqual([
      '三、本年度办理结果',
      '（六）其他处理',
      '3.其他',
    ])
    expect((t3 ?? []).every((row) => row.length === 10)).toBe(true)
  })

  it('joins header text split over paragraphs inside a cell (商业/企业) and expands the 3×3 corner', () => {
    expect(t3?.[2]).toEqual([
      ...repeat('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 3),
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ])
  })

  it('reads 表二 with colspan repeated and 表四 as one data row of 15 cells', () => {
    expect(rowStartingWith(t2 ?? [], '规范性文件')).toEqual(['规范性文件', '8', '0', '18'])
    expect(rowStartingWith(t2 ?? [], '行政许可')).toEqual(['行政许可', '0', '0', '0'])
    expect(t4?.[3]).toEqual(['0', '0', '0', '1', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'])
    expect(t4?.[1]?.slice(5)).toEqual([...repeat('未经复议直接起诉', 5), ...repeat('复议后起诉', 5)])
  })

  it('keeps headings and paragraphs as text blocks in reading order', () => {
    const t = texts(blocks)
    expect(t[0]).toBe('沭阳县发展和改革局2023年政府信息公开年度报告')
    expect(t.indexOf('二、主动公开政府信息情况')).toBeLessThan(
      t.indexOf('三、收到和处理政府信息公开申请情况'),
    )
    expect(t).toContain('五、存在的主要问题及整改措施')
    expect(t.at(-1)).toBe('2024年1月17日')
  })
})

describe('extractHtmlBlocks on page markup', () => {
  it('drops scripts, styles and navigation but keeps a metadata block inside a header element', () => {
    const blocks = extractHtmlBlocks(`<html><head><title>x</title><style>p{}</style></head><body>
      <nav><a href="/">首页</a> <a>政务公开</a></nav>
      <header><ul><li>索引号：11320000014000000X/2024-00001</li><li>主题分类：综合政务</li></ul></header>
      <script>var a = '一、总体情况'</script><p>一、总体情况</p><footer>版权所有 网站标识码</footer></body></html>`)
    expect(texts(blocks)).toEqual([
      '索引号：11320000014000000X/2024-00001',
      '主题分类：综合政务',
      '一、总体情况',
    ])
  })

  it('reads &nbsp; and whitespace-only cells as blank and joins split spans', () => {
    const [grid] = tables(
      extractHtmlBlocks(`<table><tr><td><span>申请人情</span><span>况</span></td><td>&nbsp;</td><td> <o:p> </o:p></td>
        <td><b>1</b><i>2</i></td></tr><tr><td>自然人</td><td>0</td><td></td><td>3</td></tr></table>`),
    )
    expect(grid).toEqual([
      ['申请人情况', '', '', '12'],
      ['自然人', '0', '', '3'],
    ])
  })

  it('reads a page laid out in a table as flowing text and surfaces the data table nested in it', () => {
    const blocks = extractHtmlBlocks(`<table><tr><td><h1>某局2024年政府信息公开工作年度报告</h1>
      <p>一、总体情况</p><table><tr><td>规章</td><td>1</td><td>2</td></tr></table><p>六、其他需要报告的事项</p>
      </td></tr></table>`)
    expect(blocks).toEqual([
      { kind: 'text', text: '某局2024年政府信息公开工作年度报告' },
      { kind: 'text', text: '一、总体情况' },
      { kind: 'table', rows: [['规章', '1', '2']] },
      { kind: 'text', text: '六、其他需要报告的事项' },
    ])
  })

  it('cuts absurd spans to the table and pads short rows', () => {
    const [grid] = tables(
      extractHtmlBlocks(
        '<table><tr><td rowspan="0">a</td><td colspan="x">b</td></tr><tr><td rowspan="999">c</td></tr></table>',
      ),
    )
    expect(grid).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ])
  })

  it('returns what it can from truncated markup and nothing from an empty string', () => {
    const cut = sample002.slice(0, sample002.indexOf('（二）部分公开'))
    const t3 = tables(extractHtmlBlocks(cut))[2]
    expect(t3?.at(-1)?.[0]).toBe('三、本年度办理结果')
    expect(extractHtmlBlocks('')).toEqual([])
  })
})
