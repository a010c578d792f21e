import { describe, expect, it } from 'vitest'
import { maskAddress, maskApplicant, maskEmail, maskIdNumber, maskPhone } from './applicant.ts'
import { isValidResidentId } from './resident-id.ts'
import { isTrackingCodeShape, newTrackingCode, normaliseTrackingCode } from './tracking-code.ts'

describe('masking personal data', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['E12345678', 'E1***5678'],
    ['1234', '****'],
    ['', ''],
  ])('maskIdNumber(%s) = %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked))

  it.each([
    ['13800138000', '138****8000'],
    ['01012345678', '010****5678'],
    ['12345', '***45'],
  ])('maskPhone(%s) = %s', (phone, masked) => expect(maskPhone(phone)).toBe(masked))

  it('masks e-mail, address and postcode, keeps the name', () => {
    expect(maskEmail('zhangsan@example.cn')).toBe('z***@example.cn')
    expect(maskAddress('北京市东城区示例路1号')).toBe('北京市东城区***')
    const masked = maskApplicant({
      type: 'natural_person',
      orgSubtype: null,
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      contactName: null,
      phone: '13800138000',
      email: 'a@b.cn',
      address: '北京市东城区示例路1号',
      postcode: '100010',
    })
    expect(masked.name).toBe('张三')
    expect(JSON.stringify(masked)).not.toContain('13800138000')
    expect(JSON.stringify(masked)).not.toContain('19491231')
    expect(masked.postcode).toBe('******')
  })
})

describe('resident ID check character (GB 11643)', () => {
  it('accepts a correct number and refuses a wrong check character', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true)
    expect(isValidResidentId('110105194912310021')).toBe(false)
    expect(isValidResidentId('1101051949123100')).toBe(false)
  })
})

describe('tracking codes', () => {
  it('are 12 characters of Crockford base32 and differ', () => {
    const codes = new Set(Array.from({ length: 1000 }, () => newTrackingCode()))
    expect(codes.size).toBe(1000)
    for (const c of codes) expect(isTrackingCodeShape(c)).toBe(true)
  })

  it('normalise what applicants type', () => {
    expect(normaliseTrackingCode(' abcd-efgh-jk0o ')).toBe('ABCDEFGHJK00')
    expect(normaliseTrackingCode('il')).toBe('11')
    expect(isTrackingCodeShape(normaliseTrackingCode('<script>'))).toBe(false)
  })
})
