// Password rules and generated first passwords. Pure: no storage, no hashing (see password-hash.ts).
import { randomInt } from 'node:crypto'

/** Shortest password accepted for an account, including GONGKAI_ADMIN_PASSWORD. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

/**
 * The first rule a new password breaks, as a Chinese message for the form, or null when it is acceptable.
 * Length plus letters and digits follows the usual 等级保护 baseline for government systems.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要${PASSWORD_MIN_LENGTH}个字符`
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}个字符`
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字'
  if (username !== undefined && password.toLowerCase().includes(username.toLowerCase())) {
    return '密码不能包含用户名'
  }
  if (/^(.)\1+$/.test(password)) return '密码不能由同一字符重复组成'
  return null
}

// No 0/O, 1/l/I: a generated password is read off a screen and typed by hand.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const ALPHABET = LETTERS + DIGITS

/** A random first password (16 characters, letters and digits) that the user must change at first login. */
export function generatePassword(length = 16): string {
  for (;;) {
    let out = ''
    for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)] ?? ''
    if (passwordProblem(out) === null) return out
  }
}
