// Password hashing with scrypt (node:crypto): salted, parameters stored with the hash so they can be raised
// later without invalidating existing accounts, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * scrypt cost parameters. N=2^14, r=8, p=5 is one of OWASP's equivalent minimum settings (Password Storage Cheat
 * Sheet): 16 MiB per hash (the lanes run one after another and reuse it) for the work of N=2^17 at 128 MiB, so a
 * login does not push the server's resident memory up by 32 MiB as N=2^15, p=1 did (which was also below OWASP).
 */
export interface ScryptParams {
  readonly N: number
  readonly r: number
  readonly p: number
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 5 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem must exceed 128 * N * r, or node refuses the parameters.
    const maxmem = 256 * params.N * params.r
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    )
  })
}

/** Hash a password as `scrypt$N$r$p$<salt b64>$<hash b64>`. */
export async function hashPassword(password: string, params = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, params)
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$')
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null
  const [N, r, p] = parts.slice(1, 4).map(Number)
  if (N === undefined || r === undefined || p === undefined || ![N, r, p].every(Number.isSafeInteger)) {
    return null
  }
  return {
    params: { N, r, p },
    salt: Buffer.from(parts[4] ?? '', 'base64'),
    key: Buffer.from(parts[5] ?? '', 'base64'),
  }
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (parsed === null || parsed.key.length !== KEY_LENGTH) return false
  const key = await derive(password, parsed.salt, parsed.params)
  return timingSafeEqual(key, parsed.key)
}

/** True when a stored hash uses weaker parameters than today's default and should be redone at next login. */
export function needsRehash(stored: string, params = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parseHash(stored)
  if (parsed === null) return true
  const work = (q: ScryptParams) => q.N * q.r * q.p
  return work(parsed.params) < work(params)
}

// A hash of nothing, verified against when the username does not exist, so that an unknown username costs the
// same time as a wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('gongkai-no-such-user')
  return dummyHash
}
