// The HTML document shell every page shares: language, viewport, stylesheet and the skip link (WCAG 2.4.1).
import type { PropsWithChildren } from '@kitajs/html'
import { assetUrl } from './assets.ts'

export interface DocumentProps {
  /** Page title; the site name is appended. */
  readonly title: string
  /** Site name shown after the title. */
  readonly siteName?: string
}

export function Document({
  title,
  siteName = '政府信息公开管理平台',
  children,
}: PropsWithChildren<DocumentProps>) {
  return (
    <>
      {'<!doctype html>'}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} - ${siteName}`}</title>
          <link rel="stylesheet" href={assetUrl('admin.css')} />
          <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        </head>
        <body>
          <a class="skip-link" href="#main">
            跳到主要内容
          </a>
          {children}
        </body>
      </html>
    </>
  )
}
