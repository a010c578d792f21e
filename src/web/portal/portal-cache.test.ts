// The render cache on its own: LRU eviction by bytes, expiry, O(1) per-agency invalidation that spares
// other agencies, and the render-time snapshot that keeps a render racing a change from being cached as fresh.
import { describe, expect, it } from 'vitest'
import { ENTRY_TTL_MS, etagOf, PortalCache } from './portal-cache.ts'

function page(text: string) {
  const body = Buffer.from(text)
  return { status: 200, contentType: 'text/html', body, etag: etagOf(body) }
}

describe('PortalCache', () => {
  it('invalidates one agency and the platform pages, and keeps other agencies cached', () => {
    const cache = new PortalCache()
    cache.set('a1', page('one'), 1, cache.snapshot(1))
    cache.set('a2', page('two'), 2, cache.snapshot(2))
    cache.set('home', page('home'), null, cache.snapshot(null))
    cache.invalidateAgency(1)
    expect(cache.get('a1')).toBeUndefined()
    expect(cache.get('home')).toBeUndefined()
    expect(cache.get('a2')?.body.toString()).toBe('two')
  })

  it('does not keep a page rendered from data older than an invalidation during the render', () => {
    const cache = new PortalCache()
    const before = cache.snapshot(1)
    cache.invalidateAgency(1)
    cache.set('a1', page('old'), 1, before)
    expect(cache.get('a1')).toBeUndefined()
  })

  it('expires entries after the TTL', () => {
    let now = 0
    const cache = new PortalCache({ now: () => now })
    cache.set('k', page('x'), null, cache.snapshot(null))
    now = ENTRY_TTL_MS - 1
    expect(cache.get('k')).toBeDefined()
    now = ENTRY_TTL_MS
    expect(cache.get('k')).toBeUndefined()
  })

  it('drops expired pages when a page is added, instead of keeping them until the byte budget is reached', () => {
    let now = 0
    const cache = new PortalCache({ now: () => now })
    for (let i = 0; i < 100; i++) cache.set(`old${i}`, page('x'.repeat(1_000)), null, cache.snapshot(null))
    now = ENTRY_TTL_MS / 2
    cache.set('newer', page('y'), null, cache.snapshot(null))
    expect(cache.size).toBe(101)
    now = ENTRY_TTL_MS
    cache.set('newest', page('z'), null, cache.snapshot(null))
    expect(cache.size).toBe(2)
    expect(cache.get('newer')?.body.toString()).toBe('y')
    const alone = new PortalCache({ now: () => now })
    alone.set('newer', page('y'), null, alone.snapshot(null))
    alone.set('newest', page('z'), null, alone.snapshot(null))
    expect(cache.bytes).toBe(alone.bytes)
  })

  it('evicts the least recently used entries to stay under its byte budget', () => {
    const cache = new PortalCache({ maxBytes: 10_000 })
    const body = 'x'.repeat(1_000)
    for (let i = 0; i < 10; i++) {
      cache.set(`k${i}`, page(body), null, cache.snapshot(null))
      cache.get('k0')
    }
    expect(cache.bytes).toBeLessThanOrEqual(10_000)
    expect(cache.get('k0')).toBeDefined()
    expect(cache.get('k1')).toBeUndefined()
    expect(cache.get('k9')).toBeDefined()
  })
})
