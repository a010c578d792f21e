// Views are counted for people: crawlers, monitors, link previewers and scripted clients are excluded by
// their user agent. A missing user agent is not a browser either.

const BOT_PATTERN = new RegExp(
  [
    'bot\\b',
    'bot/',
    'crawl',
    'spider',
    'slurp',
    'scan',
    'fetch',
    'monitor',
    'uptime',
    'pingdom',
    'preview',
    'facebookexternalhit',
    'embedly',
    'lighthouse',
    'headless',
    'phantomjs',
    'puppeteer',
    'playwright',
    'selenium',
    'curl',
    'wget',
    'httpie',
    'python-requests',
    'python-urllib',
    'aiohttp',
    'go-http-client',
    'okhttp',
    'java/',
    'apache-httpclient',
    'node-fetch',
    'axios',
    'undici',
    'libwww',
    'feed',
    'rss',
    'archiver',
    'baiduspider',
    'sogou',
    'yisouspider',
    '360spider',
    'haosouspider',
    'bytespider',
    'petalbot',
    'yandex',
    'semrush',
    'ahrefs',
    'mj12',
    'dotbot',
    'applebot',
    'yahoo',
  ].join('|'),
  'i',
)

/** True when a request with this User-Agent header should not count as a view. */
export function isBot(userAgent: string | null | undefined): boolean {
  if (userAgent === null || userAgent === undefined || userAgent.trim().length < 10) return true
  return BOT_PATTERN.test(userAgent)
}
