// Identity codes of an agency: the 18-character 统一社会信用代码 (GB 32100-2015) and the 9-character
// 组织机构代码 (GB 11714-1997), whose hyphen-less form begins the 索引号 of the catalogue (目录系统实施指引).

// GB 32100-2015 §4: the character set excludes I, O, Z, S, V; each character's value is its index here.
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
// GB 32100-2015 §5: weight of position i is 3^(i-1) mod 31.
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The check character (18th) a 17-character credit code body requires, or null if the body is malformed. */
export function creditCodeCheckChar(body: string): string | null {
  if (body.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARSET.indexOf(body[i] ?? '?')
    if (value < 0) return null
    sum += value * (CREDIT_WEIGHTS[i] ?? 0)
  }
  // C18 = 31 − MOD(Σ, 31); a result of 31 is written as 0.
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31] ?? null
}

/** True for a well-formed 统一社会信用代码 whose check character is right (upper case required). */
export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

// GB 11714-1997: weights of the eight body characters; letters count A=10 … Z=35.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

/** The check character (9th) of an 8-character organisation code body, or null if malformed. */
export function orgCodeCheckChar(body: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body)) return null
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(body[i] ?? '0', 36) * (ORG_WEIGHTS[i] ?? 0)
  // C9 = 11 − MOD(Σ, 11); 10 is written X and 11 is written 0.
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/** True for a 9-character 组织机构代码 (hyphen optional) whose check character is right. */
export function isValidOrgCode(code: string): boolean {
  const plain = code.replace('-', '')
  return plain.length === 9 && orgCodeCheckChar(plain.slice(0, 8)) === plain[8]
}

/**
 * The 9-character organisation code used as the 索引号 前段码: the given one, or characters 9–17 of the credit
 * code (GB 32100-2015 §4.1: 主体标识码 is the organisation code). Null when the agency has neither.
 */
export function indexPrefixCode(codes: { creditCode: string | null; orgCode: string | null }): string | null {
  if (codes.orgCode !== null) return codes.orgCode.replace('-', '')
  if (codes.creditCode !== null) return codes.creditCode.slice(8, 17)
  return null
}
