import { describe, expect, it } from 'vitest'
import { isBot } from './bot-user-agent.ts'
import { ViewCounter } from './view-counter.ts'

describe('isBot', () => {
  it.each([
    'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
    'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
    'Mozilla/5.0 (compatible; YisouSpider/5.0; http://www.yisou.com)',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
    'curl/8.5.0',
    'Wget/1.21.4',
    'python-requests/2.31.0',
    'facebookexternalhit/1.1',
    '',
    'Mozilla',
  ])('excludes %s', (ua) => {
    expect(isBot(ua)).toBe(true)
  })

  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (Linux; Android 13; V2227A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.58 Mobile Safari/537.36 MicroMessenger/8.0.40',
    'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
  ])('counts %s', (ua) => {
    expect(isBot(ua)).toBe(false)
  })

  it('treats a missing header as a bot', () => {
    expect(isBot(undefined)).toBe(true)
    expect(isBot(null)).toBe(true)
  })
})

describe('ViewCounter', () => {
  it('accumulates per item, hands the counts over once, and takes counts back after a failed write', () => {
    const counter = new ViewCounter()
    counter.record(1)
    counter.record(1)
    counter.record(2)
    expect(counter.pending).toBe(3)
    const taken = counter.take()
    expect([...taken]).toEqual([
      [1, 2],
      [2, 1],
    ])
    expect(counter.pending).toBe(0)
    counter.record(1)
    counter.restore(taken)
    expect([...counter.take()]).toEqual([
      [1, 3],
      [2, 1],
    ])
  })
})
