// The agency form (create and edit): name, kind, codes, site identity and 公开指南 contact details.
import { AGENCY_KIND_LABELS, AGENCY_KINDS, type Agency } from '../../../accounts/index.ts'
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'

/** Form values as strings (what the browser sent, or the stored agency). */
export type AgencyFormValues = Readonly<Record<string, string | undefined>>

export function agencyToFormValues(agency: Agency): AgencyFormValues {
  return {
    parentId: agency.parentId === null ? '' : String(agency.parentId),
    name: agency.name,
    kind: agency.kind,
    creditCode: agency.creditCode ?? '',
    orgCode: agency.orgCode ?? '',
    'site.siteCode': agency.site.siteCode ?? '',
    'site.sponsor': agency.site.sponsor ?? '',
    'site.icpRecord': agency.site.icpRecord ?? '',
    'site.policeRecord': agency.site.policeRecord ?? '',
    'guide.office': agency.guide.office ?? '',
    'guide.address': agency.guide.address ?? '',
    'guide.hours': agency.guide.hours ?? '',
    'guide.phone': agency.guide.phone ?? '',
    'guide.fax': agency.guide.fax ?? '',
    'guide.email': agency.guide.email ?? '',
    'guide.postcode': agency.guide.postcode ?? '',
  }
}

export interface AgencyFormProps {
  readonly action: string
  readonly csrfToken: string
  readonly values: AgencyFormValues
  readonly errors: Readonly<Record<string, string>>
  /** Agencies the new or edited agency may be placed under; empty hides the choice. */
  readonly parents: readonly { readonly id: number; readonly label: string }[]
  /** Offer "no parent" (a top-level agency): platform administrators only. */
  readonly allowRoot: boolean
  readonly submitLabel: string
}

export function AgencyForm({
  action,
  csrfToken,
  values,
  errors,
  parents,
  allowRoot,
  submitLabel,
}: AgencyFormProps) {
  const parentOptions = [
    ...(allowRoot ? [{ value: '', label: '（无，设为顶级机构）' }] : []),
    ...parents.map((p) => ({ value: String(p.id), label: p.label })),
  ]
  const text = (name: string, label: string, extra: { hint?: string; type?: 'email' | 'tel' } = {}) => (
    <TextField name={name} label={label} value={values[name]} error={errors[name]} {...extra} />
  )
  return (
    <form method="post" action={action} class="stacked">
      <CsrfField token={csrfToken} />
      <div class="panel">
        <h2>基本信息</h2>
        {parentOptions.length > 0 ? (
          <SelectField
            name="parentId"
            label="上级机构"
            options={parentOptions}
            value={values.parentId}
            error={errors.parentId}
          />
        ) : (
          ''
        )}
        <TextField
          name="name"
          label="机构名称"
          value={values.name}
          error={errors.name}
          required
          maxlength={100}
        />
        <SelectField
          name="kind"
          label="机构类型"
          options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
          value={values.kind}
          error={errors.kind}
          required
        />
        {text('creditCode', '统一社会信用代码', { hint: '18位，用于生成索引号。' })}
        {text('orgCode', '组织机构代码', { hint: '9位；没有统一社会信用代码的机构填写。' })}
      </div>
      <div class="panel">
        <h2>网站标识</h2>
        {text('site.siteCode', '网站标识码')}
        {text('site.sponsor', '主办单位')}
        {text('site.icpRecord', 'ICP备案号')}
        {text('site.policeRecord', '公安机关备案号')}
      </div>
      <div class="panel">
        <h2>政府信息公开指南联系方式</h2>
        {text('guide.office', '政府信息公开工作机构')}
        {text('guide.address', '办公地址')}
        {text('guide.hours', '办公时间')}
        {text('guide.phone', '联系电话', { type: 'tel' })}
        {text('guide.fax', '传真号码', { type: 'tel' })}
        {text('guide.email', '电子邮箱', { type: 'email' })}
        {text('guide.postcode', '邮政编码')}
      </div>
      <button type="submit" safe>
        {submitLabel}
      </button>
    </form>
  )
}
