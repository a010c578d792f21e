import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, verifyPassword } from './password-hash.ts'
import { generatePassword, passwordProblem } from './password-rules.ts'

const CHEAP = { N: 1024, r: 8, p: 1 }

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse 1', CHEAP)
    expect(await verifyPassword('correct horse 1', stored)).toBe(true)
    expect(await verifyPassword('correct horse 2', stored)).toBe(false)
  })

  it('salts: the same password hashes differently twice, and stores its parameters', async () => {
    const a = await hashPassword('same-password-1', CHEAP)
    const b = await hashPassword('same-password-1', CHEAP)
    expect(a).not.toBe(b)
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
  })

  it('treats canonically equal Unicode spellings as the same password', async () => {
    const stored = await hashPassword('密码Cafe\u0301123', CHEAP)
    expect(await verifyPassword('密码Caf\u00e9123', stored)).toBe(true)
  })

  it('never matches a malformed stored hash', async () => {
    for (const bad of ['', 'plain', 'scrypt$x$8$1$AA==$AA==', 'bcrypt$1$2$3$4$5']) {
      expect(await verifyPassword('anything', bad)).toBe(false)
    }
  })

  it('asks for a rehash when parameters are weaker than the default', async () => {
    expect(needsRehash(await hashPassword('p-1234567890', CHEAP))).toBe(true)
    expect(needsRehash('scrypt$16384$8$5$AA==$AA==')).toBe(false)
    // The earlier default (N=2^15, p=1) does less work than today's and is redone at the next login.
    expect(needsRehash('scrypt$32768$8$1$AA==$AA==')).toBe(true)
  })
})

describe('password rules', () => {
  it('requires length, letters and digits, and no username inside', () => {
    expect(passwordProblem('abc123')).toMatch(/至少/)
    expect(passwordProblem('abcdefghijkl')).toMatch(/字母和数字/)
    expect(passwordProblem('1234567890123')).toMatch(/字母和数字/)
    expect(passwordProblem('zhangsan-2024', 'ZhangSan')).toMatch(/用户名/)
    expect(passwordProblem('a'.repeat(129) + '1')).toMatch(/不能超过/)
    expect(passwordProblem('good-pass-2024', 'lisi')).toBeNull()
  })

  it('generates 16-character passwords that pass the rules and avoid look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword()
      expect(p).toHaveLength(16)
      expect(passwordProblem(p)).toBeNull()
      expect(p).not.toMatch(/[01lIO]/)
    }
  })
})
