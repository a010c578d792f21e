// Bytes kept for a long time (a cached page's body and response heads, a prebuilt answer) in an allocation of
// their own, of exactly their length. Buffer.from, Buffer.concat and Buffer.allocUnsafe hand out anything under
// 4 KB as a slice of a shared 8 KB pool: a slice that outlives its neighbours keeps the whole 8 KB alive, so a
// cache of small pages held about twice the bytes it counted (the soak's growth outside the V8 heap).

/** `text` encoded, in its own ArrayBuffer of exactly that length (never a slice of Buffer's pool). */
export function ownBytes(text: string, encoding: 'utf8' | 'latin1'): Buffer {
  const length = Buffer.byteLength(text, encoding)
  // From half the pool up, Buffer.from allocates on its own already (and sizes it exactly).
  if (length >= Buffer.poolSize >>> 1) return Buffer.from(text, encoding)
  const bytes = Buffer.allocUnsafeSlow(length)
  bytes.write(text, 0, encoding)
  return bytes
}

/** `parts` one after the other, in their own ArrayBuffer of exactly their total length (see ownBytes). */
export function ownConcat(parts: readonly Uint8Array[]): Buffer {
  let length = 0
  for (const part of parts) length += part.length
  const bytes = Buffer.allocUnsafeSlow(length)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.length
  }
  return bytes
}
