import { describe, expect, it } from 'vitest'
import { ownBytes, ownConcat } from './own-bytes.ts'

/** The ArrayBuffer behind `bytes` is its own: starts at it and is exactly as long. */
function isOwn(bytes: Buffer): boolean {
  return bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length
}

describe('ownBytes', () => {
  it('encodes small texts (which Buffer.from would slice from its shared pool) into their own allocation', () => {
    const head = 'HTTP/1.1 200 OK\r\ncache-control: no-cache\r\n'
    // The premise: Buffer.from puts it in the pool.
    expect(isOwn(Buffer.from(head, 'latin1'))).toBe(false)
    const bytes = ownBytes(head, 'latin1')
    expect(isOwn(bytes)).toBe(true)
    expect(bytes.equals(Buffer.from(head, 'latin1'))).toBe(true)
  })

  it('encodes UTF-8 exactly, small and large', () => {
    for (const text of ['', '政府信息公开', `<p>${'为进一步做好政府信息公开工作。'.repeat(500)}</p>`]) {
      const bytes = ownBytes(text, 'utf8')
      expect(isOwn(bytes)).toBe(true)
      expect(bytes.toString('utf8')).toBe(text)
      expect(bytes.length).toBe(Buffer.byteLength(text, 'utf8'))
    }
  })
})

describe('ownConcat', () => {
  it('joins the parts into one allocation of their total length', () => {
    const parts = [Buffer.from('HTTP/1.1 200 OK\r\n'), Buffer.from('Date: x\r\n\r\n'), Buffer.from('正文')]
    const bytes = ownConcat(parts)
    expect(isOwn(bytes)).toBe(true)
    expect(bytes.equals(Buffer.concat(parts))).toBe(true)
  })
})
