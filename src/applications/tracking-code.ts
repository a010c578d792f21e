// Public tracking codes: 12 characters of Crockford base32 (60 random bits), unguessable, easy to read aloud
// (no I, L, O or U). Input is normalised so 0/O and 1/I/L typed by an applicant still match.
import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const TRACKING_CODE_LENGTH = 12

/** A fresh random tracking code. */
export function newTrackingCode(): string {
  const bytes = randomBytes(TRACKING_CODE_LENGTH)
  let code = ''
  for (const b of bytes) code += ALPHABET[b & 31]
  return code
}

/** The code as stored, from what an applicant typed (spaces and dashes dropped, case and look-alikes folded). */
export function normaliseTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

/** True for a string that can be a tracking code after normalising. */
export function isTrackingCodeShape(code: string): boolean {
  return code.length === TRACKING_CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c))
}
