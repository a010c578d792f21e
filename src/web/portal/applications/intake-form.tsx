// The public online application form (条例第二十七条、第二十九条) of one agency: who applies, which information,
// in what form and how it is to be received, and the proof of identity. Works without JavaScript; a refused
// submit comes back with every entered value and a message under each wrong field.
import {
  APPLICANT_TYPE_LABELS,
  ATTACHMENT_LIMITS,
  DELIVERY_METHOD_LABELS,
  FORM_WANTED_LABELS,
  ID_TYPE_LABELS,
  ORG_SUBTYPE_LABELS,
} from '../../../applications/index.ts'
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import { ErrorSummary, FileField, RadioGroup, TextArea } from './form-parts.tsx'
import type { FormValues } from './intake-input.ts'
import { ApplyPage, type ApplyPageFrame } from './apply-page.tsx'

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

/** Field labels, also used by the error summary. */
export const INTAKE_LABELS: Readonly<Record<string, string>> = {
  applicantType: '申请人类型',
  orgSubtype: '法人或其他组织类型',
  name: '申请人姓名或名称',
  idType: '证件类型',
  idNumber: '证件号码',
  contactName: '联系人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需政府信息的名称或内容描述',
  documentRef: '文件名称或文号',
  formWanted: '获取信息的形式',
  deliveryMethod: '获取信息的方式',
  idCopy: '身份证明材料',
  authorisation: '授权委托书',
  idempotencyKey: '表单标识',
}

/** Page order of the fields (the error summary follows it). */
export const INTAKE_ORDER = [
  'applicantType',
  'orgSubtype',
  'name',
  'idType',
  'idNumber',
  'contactName',
  'phone',
  'email',
  'address',
  'postcode',
  'description',
  'documentRef',
  'formWanted',
  'deliveryMethod',
  'idCopy',
  'authorisation',
] as const

export interface IntakeFormProps {
  readonly frame: ApplyPageFrame
  readonly agencyId: number
  readonly agencyName: string
  readonly csrf: string
  readonly idempotencyKey: string
  readonly values?: FormValues
  readonly errors?: Readonly<Record<string, string>>
  readonly message?: string
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
const FILE_HINT = `PDF、JPEG或PNG文件，单个不超过${Math.floor(ATTACHMENT_LIMITS.maxBytes / 1024 / 1024)}MB`

export function IntakeForm(props: IntakeFormProps) {
  const v = props.values ?? {}
  const e = props.errors ?? {}
  const hasErrors = props.message !== undefined
  return (
    <ApplyPage frame={props.frame} title={hasErrors ? '政府信息公开申请（提交有误）' : '政府信息公开申请'}>
      <h1>政府信息公开申请</h1>
      <p class="lead">
        受理机关：<strong safe>{props.agencyName}</strong>
      </p>
      <p>
        依据《中华人民共和国政府信息公开条例》第二十七条、第二十九条，公民、法人或者其他组织可以向行政机关申请获取相关政府信息。
        带 <span aria-hidden="true">*</span>
        <span class="visually-hidden">星号</span> 的为必填项。已经主动公开的政府信息，可在
        <a href={`/zfxxgk/${props.agencyId}/`}>政府信息公开专栏</a>查阅。已提交申请的，可凭查询码和联系电话
        <a href={`/zfxxgk/${props.agencyId}/ysqgk/track`}>查询办理进度</a>。
      </p>
      {hasErrors ? (
        <ErrorSummary message={props.message} errors={e} order={INTAKE_ORDER} labels={INTAKE_LABELS} />
      ) : (
        ''
      )}
      <form
        class="apply-form"
        method="post"
        action={`/zfxxgk/${props.agencyId}/ysqgk/`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField token={props.csrf} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <fieldset class="group">
          <legend>申请人信息</legend>
          <RadioGroup
            name="applicantType"
            legend={INTAKE_LABELS.applicantType ?? ''}
            options={options(APPLICANT_TYPE_LABELS)}
            value={v.applicantType}
            error={e.applicantType}
            required
          />
          <RadioGroup
            name="orgSubtype"
            legend={INTAKE_LABELS.orgSubtype ?? ''}
            hint="申请人为法人或其他组织的必选"
            options={options(ORG_SUBTYPE_LABELS)}
            value={v.orgSubtype}
            error={e.orgSubtype}
          />
          <TextField
            name="name"
            label="姓名或名称"
            hint="自然人填写姓名，法人或其他组织填写单位全称"
            value={v.name}
            error={e.name}
            required
            maxlength={100}
            autocomplete="name"
          />
          <SelectField
            name="idType"
            label="证件类型"
            options={[{ value: '', label: '请选择' }, ...options(ID_TYPE_LABELS)]}
            value={v.idType ?? ''}
            error={e.idType}
            required
          />
          <TextField
            name="idNumber"
            label="证件号码"
            hint="居民身份证请填写18位号码；法人或其他组织请填写18位统一社会信用代码"
            value={v.idNumber}
            error={e.idNumber}
            required
            maxlength={50}
            autocomplete="off"
          />
          <TextField
            name="contactName"
            label="联系人"
            hint="申请人为法人或其他组织的，填写联系人姓名"
            value={v.contactName}
            error={e.contactName}
            maxlength={50}
          />
          <TextField
            name="phone"
            label="联系电话"
            hint="用于确认申请和查询办理进度，请准确填写"
            type="tel"
            value={v.phone}
            error={e.phone}
            required
            maxlength={30}
            autocomplete="tel"
          />
          <TextField
            name="email"
            label="电子邮箱"
            hint="选择以电子邮件方式获取信息的必填"
            type="email"
            value={v.email}
            error={e.email}
            maxlength={100}
            autocomplete="email"
          />
          <TextField
            name="address"
            label="通信地址"
            hint="选择邮寄方式的必填"
            value={v.address}
            error={e.address}
            maxlength={200}
            autocomplete="street-address"
          />
          <TextField
            name="postcode"
            label="邮政编码"
            value={v.postcode}
            error={e.postcode}
            maxlength={6}
            autocomplete="postal-code"
          />
        </fieldset>
        <fieldset class="group">
          <legend>所需政府信息</legend>
          <TextArea
            name="description"
            label="所需政府信息的名称或内容描述"
            hint="请尽量写明信息的名称、文号或者便于查询的其他特征性描述（条例第二十九条第二款第（二）项）"
            value={v.description}
            error={e.description}
            required
            maxlength={2000}
          />
          <TextField
            name="documentRef"
            label="文件名称或文号"
            hint="知道的请填写，例如：示政办发〔2025〕12号"
            value={v.documentRef}
            error={e.documentRef}
            maxlength={200}
          />
          <RadioGroup
            name="formWanted"
            legend={INTAKE_LABELS.formWanted ?? ''}
            options={options(FORM_WANTED_LABELS)}
            value={v.formWanted}
            error={e.formWanted}
            required
          />
          <RadioGroup
            name="deliveryMethod"
            legend={INTAKE_LABELS.deliveryMethod ?? ''}
            options={options(DELIVERY_METHOD_LABELS)}
            value={v.deliveryMethod}
            error={e.deliveryMethod}
            required
          />
        </fieldset>
        <fieldset class="group">
          <legend>附件</legend>
          {hasErrors ? <p class="hint">如需上传附件，请重新选择文件。</p> : ''}
          <FileField
            name="idCopy"
            label="身份证明材料（身份证件或营业执照等的复印件、扫描件）"
            hint={FILE_HINT}
            error={e.idCopy}
            accept={ACCEPT}
          />
          <FileField
            name="authorisation"
            label="授权委托书（委托他人代为申请的提供）"
            hint={FILE_HINT}
            error={e.authorisation}
            accept={ACCEPT}
          />
        </fieldset>
        <p class="hint">您填写的个人信息仅用于办理本申请，不会在网站上公开。</p>
        <button type="submit">提交申请</button>
      </form>
    </ApplyPage>
  )
}
