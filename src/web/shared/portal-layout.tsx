// The public portal's page shell: site identity meta tags in the head (SiteName, SiteDomain, SiteIDCode,
// ColumnName, ColumnType; ArticleTitle, PubDate, ContentSource on item pages), the header with the display
// switches (字号 大/中/小, 长者模式 — plain links, no script), breadcrumbs, and the footer with 主办单位,
// 网站标识码, ICP备案 and 公安备案. Landmarks and a skip link for WCAG 2.1 AA.
import type { PropsWithChildren } from '@kitajs/html'
import {
  displayClasses,
  displayHref,
  FONT_SIZE_LABELS,
  type DisplayMode,
  type FontSize,
} from '../portal/display-mode.ts'
import { assetUrl } from './assets.ts'

/** Who runs the site a page belongs to (an agency's 专栏, or the platform). */
export interface PortalSite {
  /** SiteName, e.g. 天水市人民政府. */
  readonly name: string
  /** SiteDomain: the host the page was asked for. */
  readonly domain: string
  /** SiteIDCode (网站标识码). */
  readonly siteCode: string | null
  /** 主办单位 */
  readonly sponsor: string
  readonly icpRecord: string | null
  readonly policeRecord: string | null
  /** Link of the site's home (the agency's 专栏 home, or /). */
  readonly homeHref: string
}

export interface PortalArticleMeta {
  readonly title: string
  /** `YYYY-MM-DD HH:mm` (China Standard Time). */
  readonly pubDate: string
  readonly contentSource: string
}

export interface Crumb {
  readonly label: string
  readonly href?: string
}

export interface PortalLayoutProps {
  readonly title: string
  readonly site: PortalSite
  readonly columnName: string
  readonly columnType: string
  readonly article?: PortalArticleMeta
  readonly display: DisplayMode
  /** This page's path and query, where the display links return. */
  readonly currentPath: string
  readonly crumbs: readonly Crumb[]
  /** Alternate links (RSS, JSON Feed) for the head. */
  readonly feeds?: readonly { readonly type: string; readonly href: string; readonly title: string }[]
  /** The 打印 version: header, navigation and footer hidden on screen too. */
  readonly printView?: boolean
}

function DisplaySwitch({ display, currentPath }: { display: DisplayMode; currentPath: string }) {
  const sizes: FontSize[] = ['l', 'm', 's']
  return (
    <nav class="display-switch" aria-label="显示设置">
      <span>字号：</span>
      {sizes.map((size) =>
        size === display.fontSize ? (
          <span class="current" aria-current="true" safe>
            {FONT_SIZE_LABELS[size]}
          </span>
        ) : (
          <a href={displayHref({ ...display, fontSize: size }, currentPath)} rel="nofollow" safe>
            {FONT_SIZE_LABELS[size]}
          </a>
        ),
      )}
      <a href={displayHref({ ...display, elder: !display.elder }, currentPath)} rel="nofollow">
        {display.elder ? '退出长者模式' : '长者模式'}
      </a>
    </nav>
  )
}

function Footer({ site }: { site: PortalSite }) {
  return (
    <footer class="portal-footer" role="contentinfo">
      <p>
        主办单位：<span safe>{site.sponsor}</span>
        {site.siteCode !== null ? (
          <>
            {'\u3000'}网站标识码：<span safe>{site.siteCode}</span>
          </>
        ) : (
          ''
        )}
      </p>
      <p>
        {site.icpRecord !== null ? (
          <a href="https://beian.miit.gov.cn/" rel="noopener" safe>
            {site.icpRecord}
          </a>
        ) : (
          ''
        )}
        {site.policeRecord !== null ? (
          <>
            {'\u3000'}
            <a href="https://www.beian.gov.cn/" rel="noopener" safe>
              {site.policeRecord}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </footer>
  )
}

export function PortalLayout(props: PropsWithChildren<PortalLayoutProps>) {
  const { site, article } = props
  return (
    <>
      {'<!doctype html>'}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${props.title} - ${site.name}`}</title>
          <meta name="SiteName" content={site.name} />
          <meta name="SiteDomain" content={site.domain} />
          <meta name="SiteIDCode" content={site.siteCode ?? ''} />
          <meta name="ColumnName" content={props.columnName} />
          <meta name="ColumnType" content={props.columnType} />
          {article !== undefined ? (
            <>
              <meta name="ArticleTitle" content={article.title} />
              <meta name="PubDate" content={article.pubDate} />
              <meta name="ContentSource" content={article.contentSource} />
            </>
          ) : (
            ''
          )}
          <link rel="stylesheet" href={assetUrl('portal.css')} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
          {(props.feeds ?? []).map((f) => (
            <link rel="alternate" type={f.type} href={f.href} title={f.title} />
          ))}
        </head>
        <body class={displayClasses(props.display) + (props.printView === true ? ' print-view' : '')}>
          <a class="skip-link" href="#main">
            跳到主要内容
          </a>
          <header class="portal-header" role="banner">
            <div class="bar">
              <a class="site-name" href={site.homeHref} safe>
                {site.name}
              </a>
              <span class="site-sub">政府信息公开</span>
              <form class="portal-search" role="search" action="/search" method="get">
                <label for="site-q" class="visually-hidden">
                  搜索政府信息
                </label>
                <input id="site-q" name="q" type="search" placeholder="搜索政府信息" />
                <button type="submit">搜索</button>
              </form>
            </div>
            <DisplaySwitch display={props.display} currentPath={props.currentPath} />
          </header>
          <nav class="breadcrumbs" aria-label="当前位置">
            <span>当前位置：</span>
            {props.crumbs.map((c, i) => (
              <>
                {i > 0 ? <span aria-hidden="true"> &gt; </span> : ''}
                {c.href !== undefined ? (
                  <a href={c.href} safe>
                    {c.label}
                  </a>
                ) : (
                  <span aria-current="page" safe>
                    {c.label}
                  </span>
                )}
              </>
            ))}
          </nav>
          <main id="main" tabindex="-1" class="portal-main">
            {props.children}
          </main>
          <Footer site={site} />
        </body>
      </html>
    </>
  )
}
