// Bytes of a saved page → text. Pages saved from older government sites are often GBK/GB2312.

const DECLARED_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i

/** UTF-8 (BOM dropped) unless the page declares a GB charset or is not valid UTF-8; then GB18030. */
export function decodeInput(input: string | Buffer): string {
  if (typeof input === 'string') return input.replace(/^\ufeff/, '')
  const head = input.subarray(0, 4096).toString('latin1')
  const declared = DECLARED_CHARSET.exec(head)?.[1]?.toLowerCase()
  if (declared !== undefined && /^(gb2312|gbk|gb18030|x-gbk)$/.test(declared)) {
    return new TextDecoder('gb18030').decode(input)
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input)
  } catch {
    return new TextDecoder('gb18030').decode(input)
  }
}

/** True when decoded text looks like a binary file (NUL bytes or mostly control characters). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096)
  if (sample.includes('\u0000')) return true
  let controls = 0
  for (const ch of sample) {
    const code = ch.charCodeAt(0)
    const isControl = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d
    if (isControl || code === 0xfffd) controls++
  }
  return sample.length > 0 && controls / sample.length > 0.1
}
