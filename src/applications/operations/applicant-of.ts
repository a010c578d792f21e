// The applicant as stored, from validated intake input.
import type { Applicant, IdType, OrgSubtype } from '../applicant.ts'

export function applicantOf(data: {
  applicantType: 'natural_person' | 'organisation'
  orgSubtype?: OrgSubtype | undefined
  name: string
  idType: IdType
  idNumber: string
  contactName: string | null
  phone: string
  email: string | null
  address: string | null
  postcode: string | null
}): Applicant {
  return {
    type: data.applicantType,
    orgSubtype: data.applicantType === 'organisation' ? (data.orgSubtype ?? 'other') : null,
    name: data.name,
    idType: data.idType,
    idNumber: data.idNumber,
    contactName: data.contactName,
    phone: data.phone,
    email: data.email,
    address: data.address,
    postcode: data.postcode,
  }
}
