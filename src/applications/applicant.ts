// The applicant (条例第二十九条第二款第（一）项) and the request itself, as the domain sees them, with the Chinese
// labels of every choice and the masking presenters for personal data.

/** 自然人 or 法人或其他组织 (the 表三 columns). */
export type ApplicantType = 'natural_person' | 'organisation'

/** The subtype of a 法人或其他组织 (表三 columns). */
export type OrgSubtype = 'commercial' | 'research' | 'public_interest' | 'legal_services' | 'other'

export const APPLICANT_TYPE_LABELS: Readonly<Record<ApplicantType, string>> = {
  natural_person: '自然人',
  organisation: '法人或其他组织',
}

export const ORG_SUBTYPE_LABELS: Readonly<Record<OrgSubtype, string>> = {
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
}

/** Identity documents. */
export type IdType =
  | 'resident_id'
  | 'passport'
  | 'hk_macao_permit'
  | 'taiwan_permit'
  | 'foreign_permanent_residence'
  | 'credit_code'
  | 'other'

export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_residence: '外国人永久居留身份证',
  credit_code: '统一社会信用代码',
  other: '其他有效证件',
}

/** 获取信息的方式 (条例第二十九条第二款第（三）项, 第四十条). */
export type FormWanted = 'paper' | 'electronic' | 'inspection' | 'copy'

export const FORM_WANTED_LABELS: Readonly<Record<FormWanted, string>> = {
  paper: '纸质文本',
  electronic: '电子文件',
  inspection: '当场阅读',
  copy: '抄录',
}

/** How the applicant receives the answer and the information. */
export type DeliveryMethod = 'post' | 'email' | 'pickup' | 'fax' | 'online'

export const DELIVERY_METHOD_LABELS: Readonly<Record<DeliveryMethod, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  fax: '传真',
  online: '网上获取',
}

/** The applicant's details as stored. */
export interface Applicant {
  readonly type: ApplicantType
  readonly orgSubtype: OrgSubtype | null
  readonly name: string
  readonly idType: IdType
  readonly idNumber: string
  readonly contactName: string | null
  readonly phone: string
  readonly email: string | null
  readonly address: string | null
  readonly postcode: string | null
}

/** 110101********1234: the first 6 and last 4 characters of an ID number are kept (fewer for short numbers). */
export function maskIdNumber(id: string): string {
  const chars = [...id]
  if (chars.length <= 4) return '*'.repeat(chars.length)
  const keepHead = chars.length >= 14 ? 6 : chars.length >= 8 ? 2 : 0
  const keepTail = chars.length >= 8 ? 4 : 2
  return chars.map((c, i) => (i < keepHead || i >= chars.length - keepTail ? c : '*')).join('')
}

/** 138****5678: the first 3 and last 4 digits of a phone number are kept (fewer for short numbers). */
export function maskPhone(phone: string): string {
  const chars = [...phone]
  if (chars.length <= 4) return '*'.repeat(chars.length)
  const keepHead = chars.length >= 11 ? 3 : 0
  const keepTail = chars.length >= 7 ? 4 : 2
  return chars.map((c, i) => (i < keepHead || i >= chars.length - keepTail ? c : '*')).join('')
}

/** a***@example.cn: the first character of the local part and the domain are kept. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at <= 0) return '***'
  return `${email.slice(0, 1)}***${email.slice(at)}`
}

/** 北京市东城区***: the first 6 characters of an address are kept. */
export function maskAddress(address: string): string {
  const chars = [...address]
  return chars.length <= 6 ? '***' : `${chars.slice(0, 6).join('')}***`
}

/** The applicant as lists show it: name kept (it is on every letter), identity and contact details masked. */
export function maskApplicant(a: Applicant): Applicant {
  return {
    ...a,
    idNumber: maskIdNumber(a.idNumber),
    phone: maskPhone(a.phone),
    email: a.email === null ? null : maskEmail(a.email),
    address: a.address === null ? null : maskAddress(a.address),
    postcode: a.postcode === null ? null : '******',
  }
}
