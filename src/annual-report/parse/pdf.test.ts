// Golden values below were read off the page images of the published PDFs (pdftoppm), not from this parser.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractPdfBlocks } from './pdf.ts'
import type { SourceBlock } from './source.ts'

// A generous limit: the machine is shared, and a file the direct reader does not cover goes through pdfjs (slow).
const PDF_TIMEOUT = 60_000

function fixture(name: string): Buffer {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url))
}

const extracted = new Map<string, Promise<SourceBlock[]>>()

/** Each fixture is read once per run and shared by the tests below. */
function blocksOf(name: string): Promise<SourceBlock[]> {
  let blocks = extracted.get(name)
  if (!blocks) {
    blocks = extractPdfBlocks(fixture(name))
    extracted.set(name, blocks)
  }
  return blocks
}

function tables(blocks: SourceBlock[]): string[][][] {
  return blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []))
}

/** The row whose innermost label (the cell before `width` values) is `label`, and its values. */
function valuesOf(blocks: SourceBlock[], label: string, width: number): string[] | undefined {
  for (const rows of tables(blocks)) {
    for (const row of rows) {
      if (row.length > width && row[row.length - width - 1] === label) return row.slice(-width)
    }
  }
  return undefined
}

function t4Row(blocks: SourceBlock[]): string[] | undefined {
  return tables(blocks)
    .flat()
    .find((row) => row.length === 15 && row.every((c) => /^\d+$/.test(c)))
}

const T3_LABELS = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密',
  '2.其他法律行政止公开', // printed so (法规禁止 → 止) in both 洪泽区 reports
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
  '（六）其他处理',
  '（七）总计',
  '四、结转下年度继续办理',
]

/** 表三 of the two 洪泽区 reports: 自然人 and 总计 per row (every 法人或其他组织 cell is printed 0). */
const HZQ_T3: Record<string, [number, number][]> = {
  'hzq2023.pdf': [
    [21, 21],
    [0, 0],
    [0, 0],
    [4, 4],
    [1, 1],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
    [10, 10],
    [3, 3],
    [0, 0],
    [1, 1],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [21, 21],
    [0, 0],
  ],
  'hzq2024.pdf': [
    [95, 95],
    [0, 0],
    [50, 50],
    [9, 9],
    [0, 0],
    [0, 0],
    [1, 1],
    [0, 0],
    [0, 0],
    [1, 1],
    [1, 1],
    [0, 0],
    [31, 31],
    [1, 1],
    [0, 0],
    [1, 1],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [95, 95],
    [0, 0],
  ],
}

describe(
  'extractPdfBlocks on the 洪泽区 reports (2021 表二, 2019-style single （六） row in 表三)',
  { timeout: PDF_TIMEOUT },
  () => {
    const cases = [
      {
        file: 'hzq2023.pdf',
        t2: {
          规章: ['0', '0', '0'],
          行政规范性文件: ['0', '5', '5'],
          行政许可: ['550'],
          行政处罚: ['4119'],
          行政强制: ['195'],
          行政事业性收费: ['7730.28'],
        },
        t4: '10 1 0 0 0 0 0 0 0 0 5 0 0 0 0',
      },
      {
        file: 'hzq2024.pdf',
        t2: {
          规章: ['0', '0', '0'],
          行政规范性文件: ['3', '0', '8'],
          行政许可: ['9487'],
          行政处罚: ['2776'],
          行政强制: ['84'],
          行政事业性收费: ['7545'],
        },
        t4: '1 1 0 0 2 1 0 0 0 1 2 0 1 0 3',
      },
    ]
    for (const { file, t2, t4 } of cases) {
      it(`${file}: every 表三 cell, a table continued over the page break`, async () => {
        const blocks = await blocksOf(file)
        const expected = HZQ_T3[file] ?? []
        T3_LABELS.forEach((label, i) => {
          const [natural, total] = expected[i] ?? [NaN, NaN]
          expect(valuesOf(blocks, label, 7), label).toEqual([
            String(natural),
            '0',
            '0',
            '0',
            '0',
            '0',
            String(total),
          ])
        })
      })

      it(`${file}: every 表二 and 表四 cell`, async () => {
        const blocks = await blocksOf(file)
        for (const [label, values] of Object.entries(t2)) {
          expect(valuesOf(blocks, label, values.length), label).toEqual(values)
        }
        expect(t4Row(blocks)).toEqual(t4.split(' '))
      })
    }

    it('rejoins header cells split over lines and keeps headings and prose as text', async () => {
      const blocks = await blocksOf('hzq2024.pdf')
      const header = tables(blocks)
        .flat()
        .find((row) => row.includes('科研机构'))
      expect(header?.slice(-7)).toEqual([
        '自然人',
        '商业企业',
        '科研机构',
        '社会公益组织',
        '法律服务机构',
        '其他',
        '总计',
      ])
      const t4Header = tables(blocks)
        .flat()
        .find((row) => row[0] === '结果维持' && row[2] === '其他结果')
      expect(t4Header?.slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'])
      const texts = blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []))
      expect(texts[0]).toBe('淮安市洪泽区人民政府2024年政府信息公开工作年度报告')
      expect(texts).toContain('三、收到和处理政府信息公开申请情况')
      expect(texts).toContain('六、其他需要报告的事项')
      expect(texts.some((t) => /^-?\s*\d+\s*-?$/.test(t))).toBe(false)
    })
  },
)

describe(
  'extractPdfBlocks on 淮安市人民政府 2024 (6 pages, thousands of applications)',
  { timeout: PDF_TIMEOUT },
  () => {
    const t3: [string, string][] = [
      ['一、本年新收政府信息公开申请数量', '3001 53 0 0 61 4 3119'],
      ['二、上年结转政府信息公开申请数量', '34 0 0 0 0 0 34'],
      ['（一）予以公开', '1288 21 0 0 50 3 1362'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '447 7 0 0 0 0 454'],
      ['1.属于国家秘密', '2 0 0 0 0 0 2'],
      ['2.其他法律行政法规禁止公开', '30 1 0 0 0 0 31'],
      ['3.危及“三安全一稳定”', '5 0 0 0 0 0 5'],
      ['4.保护第三方合法权益', '6 0 0 0 0 0 6'],
      ['5.属于三类内部事务信息', '7 1 0 0 0 0 8'],
      ['6.属于四类过程性信息', '12 0 0 0 0 0 12'],
      ['7.属于行政执法案卷', '9 0 0 0 0 0 9'],
      ['8.属于行政查询事项', '105 0 0 0 0 0 105'],
      ['1.本机关不掌握相关政府信息', '746 12 0 0 10 1 769'],
      ['2.没有现成信息需要另行制作', '11 0 0 0 0 0 11'],
      ['3.补正后申请内容仍不明确', '1 0 0 0 0 0 1'],
      ['1.信访举报投诉类申请', '56 6 0 0 0 0 62'],
      ['2.重复申请', '25 0 0 0 0 0 25'],
      ['3.要求提供公开出版物', '0 0 0 0 0 0 0'],
      ['4.无正当理由大量反复申请', '0 0 0 0 0 0 0'],
      ['5.要求行政机关确认或重新出具已获取信息', '1 0 0 0 0 0 1'],
      ['1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '67 3 0 0 1 0 71'],
      ['2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '6 0 0 0 0 0 6'],
      ['3、其他', '108 2 0 0 0 0 110'],
      ['（七）总计', '2932 53 0 0 61 4 3050'],
      ['四、结转下年度继续办理', '103 0 0 0 0 0 103'],
    ]

    it('reads every 表三 cell, labels wrapped over three lines and a table continued over a page', async () => {
      const blocks = await blocksOf('szfgs2024.pdf')
      for (const [label, values] of t3) expect(valuesOf(blocks, label, 7), label).toEqual(values.split(' '))
    })

    it('rejoins group labels printed over two lines of a tall cell ((五)不 / 予处理)', async () => {
      const rows = tables(await blocksOf('szfgs2024.pdf')).flat()
      expect(rows.find((row) => row.includes('3.要求提供公开出版物'))?.[1]).toBe('（五）不予处理')
      expect(rows.find((row) => row.includes('5.属于三类内部事务信息'))?.[1]).toBe('（三）不予公开')
      expect(rows.find((row) => row[0] === '三、本年度办理结果')).toBeDefined()
    })

    it('reads every 表二 and 表四 cell (left-aligned 表二 values)', async () => {
      const blocks = await blocksOf('szfgs2024.pdf')
      expect(valuesOf(blocks, '规章', 3)).toEqual(['1', '0', '11'])
      expect(valuesOf(blocks, '行政规范性文件', 3)).toEqual(['8', '26', '66'])
      expect(valuesOf(blocks, '行政许可', 1)).toEqual(['447228'])
      expect(valuesOf(blocks, '行政处罚', 1)).toEqual(['3985758'])
      expect(valuesOf(blocks, '行政强制', 1)).toEqual(['88283'])
      expect(valuesOf(blocks, '行政事业性收费', 1)).toEqual(['96171.6'])
      expect(t4Row(blocks)).toEqual('72 64 178 37 351 13 4 8 1 26 12 1 1 6 20'.split(' '))
    })
  },
)

describe('extractPdfBlocks on input that is not a readable PDF', { timeout: PDF_TIMEOUT }, () => {
  it('returns no blocks for empty, garbage and truncated input', async () => {
    expect(await extractPdfBlocks(Buffer.alloc(0))).toEqual([])
    expect(await extractPdfBlocks(Buffer.from('not a pdf at all'))).toEqual([])
    const cut = fixture('hzq2023.pdf').subarray(0, 1000)
    expect(Array.isArray(await extractPdfBlocks(cut))).toBe(true)
  })
})
