import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readSavedPage } from './read-saved-page.ts'

const SEED = new URL('../../annual-report/fixtures/seed-tianshuijun-2021.txt', import.meta.url)
const SHUYANG = new URL('../../annual-report/fixtures/002.html', import.meta.url)
const GOV_PAGE = new URL('./fixtures/qinzhou-policy-page.html', import.meta.url)

describe('readSavedPage: the seed text page (秦州区天水郡街道 2021 年报)', () => {
  const page = readSavedPage(readFileSync(SEED), 'seed-tianshuijun-2021.txt')

  it('reads the metadata block as printed', () => {
    expect(page.indexNumber).toBe('20230618-163525-505')
    expect(page.publisher).toBe('天水郡街道')
    expect(page.publishedOn).toBe('2021-12-31')
    expect(page.title).toBe('秦州区天水郡街道2021年政府信息公开工作年度报告')
    // 主题分类: is printed with no value.
    expect(page.topic).toBeNull()
    expect(page.viewCount).toBeNull()
    expect(page.problems).toEqual([])
  })

  it('keeps the body from its first sentence to the last section, without the chrome and metadata', () => {
    expect(
      page.bodyText.startsWith('2021年,天水郡街道办事处严格按照《中华人民共和国政府信息公开条例》'),
    ).toBe(true)
    expect(page.bodyText).toContain('六、其他需要报告的事项')
    expect(page.bodyText.trimEnd().endsWith('无。')).toBe(true)
    for (const chrome of ['下载Word', '下载PDF', '点击', '索引号', '政府信息公开\n']) {
      expect(page.bodyText).not.toContain(chrome)
    }
  })

  it('rebuilds the flattened report tables as HTML tables', () => {
    expect(page.bodyHtml.match(/<table>/g)?.length).toBeGreaterThanOrEqual(3)
    expect(page.bodyHtml).toContain('<h2>一、总体情况</h2>')
    expect(page.bodyText).toMatch(/规范性文件\t10\t10\t10/)
  })
})

describe('readSavedPage: an HTML page of a government site', () => {
  const page = readSavedPage(readFileSync(GOV_PAGE), 'qinzhou-policy-page.html')

  it('reads every metadata field from the table, the <meta> tags and the info line', () => {
    expect(page).toMatchObject({
      title: '秦州区人民政府办公室关于印发2022年政务公开工作要点的通知',
      indexNumber: '11620502MB1958744R/2022-00031',
      topic: '综合政务/其他',
      publisher: '秦州区人民政府办公室',
      writtenOn: '2022-03-10',
      publishedOn: '2022-03-15',
      docNumber: '秦政办发〔2022〕12号',
      validity: '有效',
      keywords: '政务公开；工作要点',
      summary: '印发2022年全区政务公开工作要点，明确五个方面十八项任务。',
      viewCount: 1234,
    })
    expect(page.problems).toEqual(['正文中的1张图片未导入'])
  })

  it('keeps the body and drops navigation, toolbars, download links, related links and the footer', () => {
    expect(page.bodyText.split('\n')[0]).toBe('各乡镇人民政府、街道办事处，区政府各部门，各有关单位：')
    expect(page.bodyText).toContain('《秦州区2022年政务公开工作要点》已经区政府同意')
    expect(page.bodyText).toContain('（一）加强政策解读。重要政策文件与解读材料同步组织')
    expect(page.bodyText.trimEnd().endsWith('2022年3月15日')).toBe(true)
    for (const chrome of [
      '首页',
      '当前位置',
      '下载Word',
      '打印',
      '关闭窗口',
      '浏览次数',
      '相关链接',
      '主办单位',
      'ICP',
      '统计代码',
      '索引号',
      '字号',
    ]) {
      expect(page.bodyText).not.toContain(chrome)
    }
    // The title is the item's, not a paragraph of its body.
    expect(page.bodyText).not.toContain('关于印发2022年政务公开工作要点的通知')
  })

  it('sanitises the body: scripts, handlers, styles, images and javascript: links go; tables and spans stay', () => {
    const html = page.bodyHtml
    for (const unsafe of [
      '<script',
      'alert',
      'onclick',
      'onerror',
      'style=',
      '<img',
      'javascript:',
      '<font',
      '<span',
    ]) {
      expect(html).not.toContain(unsafe)
    }
    expect(html).toContain('<td rowspan="2">区政府办公室</td>')
    expect(html).toContain('<a href="https://www.gov.cn/zhengce/">中国政府网政策栏目</a>')
    // A relative link into the other site keeps its text, not its address.
    expect(html).toContain('<a>秦州区2022年政务公开工作要点任务分解表.doc</a>')
    expect(html).toContain('<strong>一、总体要求</strong>')
    expect(html).toContain('<p>（一）加强政策解读。')
  })
})

describe('readSavedPage: other inputs', () => {
  it('reads a page of report tables with no chrome (沭阳县发改局 2023)', () => {
    const page = readSavedPage(readFileSync(SHUYANG), '002.html')
    expect(page.title).toBe('沭阳县发展和改革局2023年政府信息公开年度报告')
    expect(page.bodyHtml).toContain('<table>')
    expect(page.bodyHtml).toMatch(/rowspan="\d+"/)
  })

  it('takes the article heading, not the site name, as the title of a page without title metadata', () => {
    const html =
      '<html><head><title>关于公布2023年度行政许可事项的通告_通知公告_某县人民政府</title></head><body>' +
      '<div class="header"><h1>某县人民政府</h1></div><div class="article"><h2>关于公布2023年度行政许可事项的通告</h2>' +
      '<div class="content"><p>现将本县2023年度行政许可事项公布如下。</p></div></div></body></html>'
    const page = readSavedPage(html, 'notice.html')
    expect(page.title).toBe('关于公布2023年度行政许可事项的通告')
    expect(page.bodyText).toBe('现将本县2023年度行政许可事项公布如下。')
  })

  it('does not take a section heading or a Markdown mark for the title (samples 013, 003)', () => {
    const cut = readSavedPage(
      readFileSync(new URL('../../annual-report/fixtures/013.txt', import.meta.url)),
      '013.txt',
    )
    expect(cut.title).toBeNull()
    expect(cut.problems).toContain('未找到标题')
    expect(cut.bodyText.startsWith('一、总体情况')).toBe(true)
    const md = readSavedPage(
      readFileSync(new URL('../../annual-report/fixtures/003.txt', import.meta.url)),
      '003.txt',
    )
    expect(md.title).toBe('沐阳县人民政府 2025 年 政府信息公开工作年度报告')
  })

  it('decodes a GBK page that declares its charset', () => {
    const head = Buffer.from(
      '<html><head><meta charset="gb2312"><title>t</title></head><body><div id="zoom"><p>',
      'latin1',
    )
    // 你好，世界 in GBK.
    const body = Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xca, 0xc0, 0xbd, 0xe7])
    const page = readSavedPage(Buffer.concat([head, body, Buffer.from('</p></div></body></html>')]), 'a.htm')
    expect(page.bodyText).toBe('你好，世界')
  })

  it('reads a plain text article: title on the first line, metadata lines, paragraphs', () => {
    const text =
      '关于开展安全生产大检查的通知\n发布机构：某县应急管理局\n成文日期：2023年5月4日\n发布日期：2023年5月6日\n\n各乡镇：\n\n现就有关事项通知如下。\n\n某县应急管理局\n2023年5月6日\n'
    const page = readSavedPage(text, 'notice.txt')
    expect(page).toMatchObject({
      title: '关于开展安全生产大检查的通知',
      publisher: '某县应急管理局',
      writtenOn: '2023-05-04',
      publishedOn: '2023-05-06',
    })
    expect(page.bodyHtml).toBe(
      '<p>各乡镇：</p>\n<p>现就有关事项通知如下。</p>\n<p>某县应急管理局<br />2023年5月6日</p>',
    )
    expect(page.problems).toEqual(['未找到索引号'])
  })

  it('drops the chrome and footer of a copied page and keeps its view count', () => {
    const text = [
      '首页 > 政务公开 > 通知公告',
      '关于做好防汛工作的通知',
      '发布时间：2023-06-01 浏览次数：56 【打印】【关闭】',
      '',
      '各乡镇：',
      '',
      '请做好防汛准备。',
      '',
      '【打印本页】【关闭窗口】',
      '主办单位：某县人民政府办公室 网站标识码：1234567890',
      '陇ICP备05000001号',
    ].join('\n')
    const page = readSavedPage(text, 'flood.txt')
    expect(page).toMatchObject({ title: '关于做好防汛工作的通知', publishedOn: '2023-06-01', viewCount: 56 })
    expect(page.bodyText).toBe('各乡镇：\n请做好防汛准备。')
  })

  it('says what is missing for an empty file and refuses binary content', () => {
    expect(readSavedPage('', 'empty.txt').problems).toEqual([
      '未找到标题',
      '未找到索引号',
      '未找到发布日期',
      '正文为空',
    ])
    const binary = readSavedPage(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]), 'x.bin')
    expect(binary.problems).toEqual(['x.bin不是文本或网页文件'])
    expect(binary.bodyHtml).toBe('')
  })

  it('reports a printed date it cannot read instead of inventing one', () => {
    const page = readSavedPage('标题：某通知\n发布日期：2021年13月45日\n\n正文。', 'a.txt')
    expect(page.publishedOn).toBeNull()
    expect(page.problems).toContain('发布日期无法识别为日期：2021年13月45日')
  })
})
