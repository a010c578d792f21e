// 登记申请: the clerk's form for applications received by letter (挂号 or 平信), fax, in person, or orally in
// person or by phone (条例第二十九条第一款: the clerk fills the form for an oral application). It asks for the
// dates the receipt rule needs (条例第三十一条): the day handed in or signed for; for plain post and fax, the day
// of confirmation with the applicant when it has already happened.
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import {
  APPLICANT_TYPE_LABELS,
  DELIVERY_METHOD_LABELS,
  FORM_WANTED_LABELS,
  ID_TYPE_LABELS,
  ORG_SUBTYPE_LABELS,
  RECEIPT_CHANNEL_LABELS,
  STAFF_CHANNELS,
} from './applications-surface.ts'

function options(labels: Readonly<Record<string, string>>, keys?: readonly string[]) {
  return [
    { value: '', label: '请选择' },
    ...(keys ?? Object.keys(labels)).map((k) => ({ value: k, label: labels[k] ?? k })),
  ]
}

/** Channel labels as the clerk reads them (oral covers in person and by phone). */
const STAFF_CHANNEL_LABELS: Readonly<Record<string, string>> = {
  ...RECEIPT_CHANNEL_LABELS,
  in_person: '当面提交书面申请',
  oral: '口头提出（当面或电话，由工作人员代为填写）',
  post_signed: '信函（挂号、EMS等需签收）',
  post_plain: '信函（平信，无需签收）',
  fax: '传真',
}

export interface IntakeFormProps {
  readonly csrfToken: string
  readonly agencies: readonly { readonly value: string; readonly label: string }[]
  readonly values: Readonly<Record<string, string>>
  readonly errors: Readonly<Record<string, string>>
}

export function IntakeForm({ csrfToken, agencies, values, errors }: IntakeFormProps) {
  const field = (name: string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={name} label={label} value={values[name]} error={errors[name]} {...extra} />
  )
  return (
    <form method="post" action="/admin/applications/new" novalidate>
      <CsrfField token={csrfToken} />
      <fieldset>
        <legend>收到申请</legend>
        {agencies.length === 1 ? (
          <input type="hidden" name="agencyId" value={agencies[0]?.value ?? ''} />
        ) : (
          <SelectField
            name="agencyId"
            label="受理机关"
            options={[{ value: '', label: '请选择' }, ...agencies]}
            value={values.agencyId}
            error={errors.agencyId}
            required
          />
        )}
        <SelectField
          name="channel"
          label="申请方式"
          options={options(STAFF_CHANNEL_LABELS, STAFF_CHANNELS)}
          value={values.channel}
          error={errors.channel}
          required
        />
        {field('arrivedOn', '提交、签收或收到之日', {
          type: 'date',
          required: true,
          hint: '当面或口头提出的为提交之日；挂号信函为签收之日；平信、传真为收到之日（条例第三十一条）',
        })}
        {field('confirmedOn', '与申请人确认之日（平信、传真）', {
          type: 'date',
          hint: '平信、传真以双方确认之日为收到申请之日；尚未确认的请留空，确认后在案件页记录',
        })}
      </fieldset>
      <fieldset>
        <legend>申请人</legend>
        <SelectField
          name="applicantType"
          label="申请人类型"
          options={options(APPLICANT_TYPE_LABELS)}
          value={values.applicantType}
          error={errors.applicantType}
          required
        />
        <SelectField
          name="orgSubtype"
          label="法人或其他组织类型"
          options={options(ORG_SUBTYPE_LABELS)}
          value={values.orgSubtype}
          error={errors.orgSubtype}
        />
        {field('name', '姓名或名称', { required: true, maxlength: 100 })}
        <SelectField
          name="idType"
          label="证件类型"
          options={options(ID_TYPE_LABELS)}
          value={values.idType}
          error={errors.idType}
          required
        />
        {field('idNumber', '证件号码', { required: true, maxlength: 50 })}
        {field('contactName', '联系人', { maxlength: 50 })}
        {field('phone', '联系电话', { type: 'tel', required: true, maxlength: 30 })}
        {field('email', '电子邮箱', { type: 'email', maxlength: 100 })}
        {field('address', '通信地址', { maxlength: 200 })}
        {field('postcode', '邮政编码', { maxlength: 6 })}
      </fieldset>
      <fieldset>
        <legend>所需政府信息</legend>
        <div class="field">
          <label for="f-description">所需政府信息的名称或内容描述 *</label>
          <textarea
            id="f-description"
            name="description"
            rows="4"
            maxlength="2000"
            aria-invalid={errors.description ? 'true' : undefined}
            aria-describedby={errors.description ? 'f-description-error' : undefined}
            safe
          >
            {values.description ?? ''}
          </textarea>
          {errors.description ? (
            <p class="error" id="f-description-error" safe>
              {errors.description}
            </p>
          ) : (
            ''
          )}
        </div>
        {field('documentRef', '文件名称或文号', { maxlength: 200 })}
        <SelectField
          name="formWanted"
          label="获取信息的形式"
          options={options(FORM_WANTED_LABELS)}
          value={values.formWanted}
          error={errors.formWanted}
          required
        />
        <SelectField
          name="deliveryMethod"
          label="获取信息的方式"
          options={options(DELIVERY_METHOD_LABELS)}
          value={values.deliveryMethod}
          error={errors.deliveryMethod}
          required
        />
        {field('intakeNote', '登记说明（如电话来电时间、信封邮戳）', { maxlength: 500 })}
      </fieldset>
      <button type="submit">登记</button>
    </form>
  )
}
