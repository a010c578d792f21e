import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import { bodyPlainText, sanitizeBodyHtml } from './body-html.ts'

// Payloads from the OWASP XSS filter evasion cheat sheet and common scanner corpora.
const XSS_CORPUS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<IMG SRC=JaVaScRiPt:alert(1)>',
  '<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href=" jav&#x09;ascript:alert(1)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
  '<a href="vbscript:msgbox(1)">点我</a>',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<p style="background:url(javascript:alert(1))">样式</p>',
  '<div style="width: expression(alert(1))">样式</div>',
  '<style>@import "//evil.example/x.css";</style>',
  '<body onload=alert(1)>',
  '<iframe src="//evil.example"></iframe>',
  '<object data="//evil.example/x.swf"></object>',
  '<embed src="//evil.example/x.swf">',
  '<form action="//evil.example"><input name=x></form>',
  '<meta http-equiv="refresh" content="0;url=//evil.example">',
  '<base href="//evil.example/">',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<details open ontoggle=alert(1)>',
  '<p onmouseover="alert(1)">悬停</p>',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<a href="//evil.example">协议相对</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<!--<script>alert(1)</script>-->',
  '<scr<script>ipt>alert(1)</script>',
  '"><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

function assertInert(html: string): void {
  expect(html).not.toMatch(
    /<\s*(script|style|svg|math|iframe|object|embed|form|input|meta|base|link|body|details)/i,
  )
  expect(html).not.toMatch(/\son\w+\s*=/i)
  expect(html).not.toMatch(/javascript:|vbscript:|data:|expression\(/i)
  expect(html).not.toMatch(/style\s*=/i)
  expect(html).not.toMatch(/(href|src)\s*=\s*"\/\//i)
}

describe('sanitizeBodyHtml', () => {
  it.each(XSS_CORPUS)('renders %s inert', (payload) => {
    const safe = sanitizeBodyHtml(`<p>正文</p>${payload}`)
    assertInert(safe)
    // Idempotent: a second pass finds nothing more to remove.
    expect(sanitizeBodyHtml(safe)).toBe(safe)
  })

  it('keeps the structure of a normal document: headings, lists, tables with spans, safe links and images', () => {
    const html =
      '<h2>第一章 总则</h2><p><strong>第一条</strong> 为了<em>规范</em>……</p>' +
      '<ol start="2"><li>一</li></ol><table><tbody><tr><td colspan="2" rowspan="1">合计</td></tr></tbody></table>' +
      '<p><a href="https://www.gov.cn/zhengce/" target="_blank">中国政府网</a> <a href="mailto:gk@example.gov.cn">邮箱</a></p>' +
      '<p><img src="https://www.example.gov.cn/a.png" alt="图" width="100"></p>'
    expect(sanitizeBodyHtml(html)).toBe(
      '<h2>第一章 总则</h2><p><strong>第一条</strong> 为了<em>规范</em>……</p>' +
        '<ol start="2"><li>一</li></ol><table><tbody><tr><td colspan="2" rowspan="1">合计</td></tr></tbody></table>' +
        '<p><a href="https://www.gov.cn/zhengce/" rel="noopener noreferrer">中国政府网</a> ' +
        '<a href="mailto:gk@example.gov.cn" rel="noopener noreferrer">邮箱</a></p>' +
        '<p><img src="https://www.example.gov.cn/a.png" alt="图" width="100" /></p>',
    )
  })

  it('drops the content of script and style but keeps the text of other removed tags (Word markup)', () => {
    expect(sanitizeBodyHtml('<p><font face="仿宋">正文</font><o:p></o:p><script>x()</script></p>')).toBe(
      '<p>正文</p>',
    )
  })
})

describe('bodyPlainText', () => {
  it('gives one line per block, decoded entities, cells separated by spaces', () => {
    const safe = sanitizeBodyHtml(
      '<h2>标题</h2><p>甲&amp;乙&nbsp;丙</p><table><tr><td>项目</td><td>金额</td></tr></table><p>末行<br>换行</p>',
    )
    expect(bodyPlainText(safe)).toBe('标题\n甲&乙 丙\n项目 金额\n末行\n换行')
  })

  it('shows an escaped payload as the text it is', () => {
    expect(bodyPlainText(sanitizeBodyHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'))).toBe(
      '<script>alert(1)</script>',
    )
  })

  it('reads the same words as a browser-like DOM of the body (lists, nesting, entities, Word paste, XSS corpus)', () => {
    const bodies = [
      ...XSS_CORPUS,
      '<ul><li>一、<strong>总体要求</strong></li><li>二、&ldquo;放管服&rdquo;改革&hellip;</li></ul><ol start="3"><li>三</li></ol>',
      '<p class="MsoNormal"><span style="font-family:仿宋">根据《条例》第二十条</span><o:p></o:p></p><div><div>嵌套</div>块</div>',
      '<pre>  第一行\n  第二行</pre><blockquote>引文 &#x4E2D;&#20013;</blockquote><hr><p>a&nbsp;&nbsp;b&#12288;c</p>',
      '<table><caption>表一</caption><thead><tr><th>项目</th><th>数量</th></tr></thead><tbody><tr><td>行政许可</td><td>12</td></tr></tbody></table>',
      '<p>未闭合<p>第二段<br/>换行<a href="https://example.gov.cn/x?a=1&amp;b=2">链接</a></p>',
    ]
    for (const body of bodies) {
      const safe = sanitizeBodyHtml(body)
      const dom = load(
        safe.replace(
          /<(br|\/p|\/li|\/tr|\/div|\/h[2-6]|\/pre|\/blockquote|\/table|\/caption|\/t[dh]|hr)\s*\/?>/gi,
          '$& ',
        ),
        null,
        false,
      )
      const words = (text: string) => text.split(/[\s\u3000]+/u).filter((w) => w !== '')
      expect(words(bodyPlainText(safe)), body).toEqual(words(dom.root().text()))
    }
  })
})
