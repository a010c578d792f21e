// A typical published item (a 通知 with headings, a list and a table), shared by the tests and the bench.
import type { ItemDocument } from './item-document.ts'

const PARAGRAPH =
  '各乡镇人民政府、街道办事处，区政府各部门：为深入贯彻落实《中华人民共和国政府信息公开条例》，进一步提升政务公开标准化规范化水平，切实保障人民群众知情权、参与权、表达权和监督权，现将有关事项通知如下。'

/** A 通知 of about 2,500 characters: four headings, paragraphs, a numbered list and a table. */
export function sampleItem(paragraphs = 12): ItemDocument {
  const body: string[] = [`<p>${PARAGRAPH}</p>`, '<h2>一、工作目标</h2>']
  for (let i = 1; i <= paragraphs; i++) {
    body.push(
      `<p>（${i}）第${i}段：坚持以公开为常态、不公开为例外，围绕<strong>重点领域</strong>信息公开，及时准确发布政策文件和<em>政策解读</em>，做好政务舆情回应工作。Section ${i} keeps Latin text and numbers such as 2021-12-31 and 517645.</p>`,
    )
    if (i === Math.ceil(paragraphs / 2)) {
      body.push(
        '<h2>二、主要任务</h2>',
        '<ol><li>完善政府信息公开目录</li><li>规范依申请公开办理<ul><li>统一受理渠道</li></ul></li><li>按时编制年度报告</li></ol>',
      )
    }
  }
  body.push(
    '<h3>三、进度安排</h3>',
    '<table><caption>表1 重点工作进度安排</caption><tr><th>序号</th><th>工作内容</th><th>责任单位</th><th>完成时限</th></tr>' +
      '<tr><td>1</td><td>梳理公开目录并逐项核对</td><td rowspan="2">区政务公开办</td><td>2021年3月</td></tr>' +
      '<tr><td>2</td><td>更新政府信息公开指南</td><td>2021年6月</td></tr>' +
      '<tr><td>3</td><td colspan="2">各部门自查整改</td><td>2021年12月</td></tr></table>',
    '<h2>四、保障措施</h2>',
    '<p>各单位要高度重视，明确专人负责，确保各项工作按期完成。联系电话：0938-8888888。详见<a href="https://www.example.gov.cn/zwgk/">政府信息公开专栏</a>。</p>',
    '<p><img src="x.png" alt="图">秦州区人民政府办公室<br>2021年12月31日</p>',
  )
  return {
    title: '秦州区人民政府办公室关于做好2021年度政务公开工作的通知',
    metadata: [
      { label: '索引号', value: '11620502MB1958744R/2021-00012' },
      { label: '主题分类', value: '综合政务/政务公开' },
      { label: '发布机构', value: '秦州区人民政府办公室' },
      { label: '成文日期', value: '2021-12-30' },
      { label: '发布日期', value: '2021-12-31' },
      { label: '文号', value: '秦政办发〔2021〕88号' },
      { label: '有效性', value: '有效' },
    ],
    bodyHtml: body.join('\n'),
    agencyName: '秦州区人民政府办公室',
    url: 'https://www.example.gov.cn/zwgk/2021/12/31/item-12.html',
  }
}
