// The forms of the case steps: each posts to /admin/applications/:id/steps/:step with its CSRF token and the
// legal date of the step (defaulting to today). A refused step comes back with what was typed and the message.
import { CsrfField } from '../../shared/form-fields.tsx'
import { OUTCOME_MAPPINGS, outcomeRow } from './applications-surface.ts'
import type { AnswerType, CaseDetail } from './applications-surface.ts'
import { STEP_LABELS, type Step } from './case-steps.ts'

// Several step forms share field names (on, reason, deliveredOn) on one page, so their ids carry the step:
// a label must point at exactly one control.
interface FieldProps {
  readonly idPrefix: string
  readonly name: string
  readonly label: string
  readonly value?: string | undefined
  readonly error?: string | undefined
  readonly hint?: string
  readonly type?: 'text' | 'date'
  readonly required?: boolean
  readonly maxlength?: number
}

function Text(props: FieldProps) {
  const id = `f-${props.idPrefix}-${props.name}`
  return (
    <div class="field">
      <label for={id}>
        <span safe>{props.label}</span>
        {props.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required ?? false}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      {props.error ? (
        <p class="error" id={`${id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

function Select(
  props: FieldProps & { readonly options: readonly { readonly value: string; readonly label: string }[] },
) {
  const id = `f-${props.idPrefix}-${props.name}`
  return (
    <div class="field">
      <label for={id} safe>
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        required={props.required ?? false}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} safe>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <p class="error" id={`${id}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </div>
  )
}

export interface StepFormState {
  /** The step whose post was refused, with its values and field messages. */
  readonly step?: Step | undefined
  readonly values: Readonly<Record<string, string>>
  readonly errors: Readonly<Record<string, string>>
}

/** The answer types an officer picks from: each is its 表三 row, with the legal basis the letter cites. */
export function answerOptions(): { value: string; label: string }[] {
  return (Object.keys(OUTCOME_MAPPINGS) as AnswerType[])
    .filter((k) => !k.startsWith('abandoned_'))
    .map((k) => {
      const row = outcomeRow(k, 'gov2021')
      return { value: k, label: `${row.groupLabel ?? ''}${row.label}（依据：${OUTCOME_MAPPINGS[k].basis}）` }
    })
}

function StepForm(props: {
  readonly id: number
  readonly step: Step
  readonly csrfToken: string
  readonly today: string
  readonly state: StepFormState
  readonly children?: JSX.Element | JSX.Element[] | string
  readonly hint?: string
}) {
  const mine = props.state.step === props.step
  // Rendered by StepForms from JSX, whose own output xss-scan checks; the `safe` prefix tells it so here.
  const safeChildren = props.children ?? ''
  const on = (mine ? props.state.values.on : undefined) ?? props.today
  return (
    <form method="post" action={`/admin/applications/${props.id}/steps/${props.step}`} class="panel">
      <h3 safe>{STEP_LABELS[props.step]}</h3>
      {props.hint ? (
        <p class="hint" safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <CsrfField token={props.csrfToken} />
      <Text
        idPrefix={props.step}
        name="on"
        label="日期"
        type="date"
        value={on}
        error={mine ? props.state.errors.on : undefined}
        required
      />
      {safeChildren}
      <button type="submit" safe>
        {STEP_LABELS[props.step]}
      </button>
    </form>
  )
}

export function StepForms(props: {
  readonly detail: CaseDetail
  readonly steps: readonly Step[]
  readonly csrfToken: string
  readonly today: string
  readonly state: StepFormState
}) {
  const { detail, state } = props
  const v = (step: Step, name: string) => (state.step === step ? state.values[name] : undefined)
  const e = (step: Step, name: string) => (state.step === step ? state.errors[name] : undefined)
  const common = { id: detail.id, csrfToken: props.csrfToken, today: props.today, state }
  const openConsultations = detail.clock.consultations.filter((c) => c.answeredOn === undefined)
  const forms: Record<Step, () => JSX.Element> = {
    confirm: () => (
      <StepForm
        {...common}
        step="confirm"
        hint="条例第三十一条：平信、互联网、传真以双方确认之日为收到申请之日。"
      />
    ),
    request_correction: () => (
      <StepForm
        {...common}
        step="request_correction"
        hint="条例第三十条：自收到申请之日起7个工作日内一次性告知需要补正的事项和合理的补正期限。"
      >
        <div class="field">
          <label for="f-request_correction-items">需要补正的事项（每行一项）</label>
          <textarea id="f-request_correction-items" name="items" rows="3" maxlength="5000" safe>
            {v('request_correction', 'items') ?? ''}
          </textarea>
          {e('request_correction', 'items') ? (
            <p class="error" safe>
              {e('request_correction', 'items') ?? ''}
            </p>
          ) : (
            ''
          )}
        </div>
        <Text
          idPrefix="request_correction"
          name="periodWorkingDays"
          label="补正期限（工作日）"
          value={v('request_correction', 'periodWorkingDays') ?? '10'}
          error={e('request_correction', 'periodWorkingDays')}
          required
        />
      </StepForm>
    ),
    record_correction: () => (
      <StepForm
        {...common}
        step="record_correction"
        hint="收到补正后的申请之日，答复期限重新起算（条例第三十条）。"
      />
    ),
    correction_expired: () => (
      <StepForm
        {...common}
        step="correction_expired"
        hint="申请人无正当理由逾期不补正的，视为放弃申请（条例第三十条）。"
      />
    ),
    start_consultation: () => (
      <StepForm
        {...common}
        step="start_consultation"
        hint="征求意见所需时间不计算在答复期限内（条例第三十三条第三款）；第三方自收到征求意见书之日起15个工作日内提出意见。"
      >
        <Select
          idPrefix="start_consultation"
          name="party"
          label="征求意见对象"
          options={[
            { value: 'third_party', label: '第三方（条例第三十二条）' },
            { value: 'other_agency', label: '其他行政机关（条例第三十四条）' },
          ]}
          value={v('start_consultation', 'party')}
          error={e('start_consultation', 'party')}
        />
        <Text
          idPrefix="start_consultation"
          name="deliveredOn"
          label="征求意见书送达之日（可选）"
          type="date"
          value={v('start_consultation', 'deliveredOn')}
          error={e('start_consultation', 'deliveredOn')}
        />
      </StepForm>
    ),
    consultation_answer: () => (
      <StepForm {...common} step="consultation_answer">
        <Select
          idPrefix="consultation_answer"
          name="consultationId"
          label="征求意见记录"
          options={openConsultations.map((c) => ({
            value: c.id,
            label: `${c.startedOn}发出（${c.party === 'third_party' ? '第三方' : '其他行政机关'}）`,
          }))}
          value={v('consultation_answer', 'consultationId')}
          error={e('consultation_answer', 'consultationId')}
        />
        <Select
          idPrefix="consultation_answer"
          name="objection"
          label="是否提出异议"
          options={[
            { value: 'no', label: '未提出异议（或逾期未提出意见）' },
            { value: 'yes', label: '提出异议' },
          ]}
          value={v('consultation_answer', 'objection')}
          error={e('consultation_answer', 'objection')}
        />
      </StepForm>
    ),
    extension: () => (
      <StepForm
        {...common}
        step="extension"
        hint="条例第三十三条第二款：经政府信息公开工作机构负责人同意，可以延长，延长的期限最长不得超过20个工作日。"
      >
        <Text
          idPrefix="extension"
          name="approver"
          label="批准人"
          value={v('extension', 'approver')}
          error={e('extension', 'approver')}
          required
          maxlength={50}
        />
        <Text
          idPrefix="extension"
          name="workingDays"
          label="延长工作日数"
          value={v('extension', 'workingDays') ?? '20'}
          error={e('extension', 'workingDays')}
          required
        />
        <Text
          idPrefix="extension"
          name="reason"
          label="延期理由"
          value={v('extension', 'reason')}
          error={e('extension', 'reason')}
          required
          maxlength={500}
        />
      </StepForm>
    ),
    fee_notice: () => (
      <StepForm
        {...common}
        step="fee_notice"
        hint="国办函〔2020〕109号：按件或按量择一计收；申请人自收到收费通知次日起20个工作日内缴纳。"
      >
        <Select
          idPrefix="fee_notice"
          name="method"
          label="计收方式"
          options={[
            { value: 'per_application', label: '按件计收' },
            { value: 'per_volume', label: '按量计收' },
          ]}
          value={v('fee_notice', 'method')}
          error={e('fee_notice', 'fee') ?? e('fee_notice', 'fee.method')}
        />
        <Text
          idPrefix="fee_notice"
          name="priorThisMonth"
          label="本月此前已申请件数（按件）"
          value={v('fee_notice', 'priorThisMonth') ?? '0'}
          error={e('fee_notice', 'fee.priorThisMonth')}
        />
        <Text
          idPrefix="fee_notice"
          name="units"
          label="本次件数（按件）"
          value={v('fee_notice', 'units') ?? '1'}
          error={e('fee_notice', 'fee.units')}
        />
        <Text
          idPrefix="fee_notice"
          name="pages"
          label="页数（按量）"
          value={v('fee_notice', 'pages') ?? '0'}
          error={e('fee_notice', 'fee.pages')}
        />
        <Text
          idPrefix="fee_notice"
          name="deliveredOn"
          label="通知送达之日（可选）"
          type="date"
          value={v('fee_notice', 'deliveredOn')}
          error={e('fee_notice', 'deliveredOn')}
        />
      </StepForm>
    ),
    fee_paid: () => <StepForm {...common} step="fee_paid" />,
    fee_missed: () => (
      <StepForm
        {...common}
        step="fee_missed"
        hint="申请人逾期未缴纳的，视为放弃申请（国办函〔2020〕109号）。"
      />
    ),
    art35: () => (
      <StepForm
        {...common}
        step="art35"
        hint="条例第三十五条：申请数量、频次明显超过合理范围，说明理由后可以确定延迟答复的合理期限。"
      >
        <Text
          idPrefix="art35"
          name="newDueDate"
          label="延迟答复期限"
          type="date"
          value={v('art35', 'newDueDate')}
          error={e('art35', 'newDueDate')}
          required
        />
        <Text
          idPrefix="art35"
          name="reason"
          label="理由"
          value={v('art35', 'reason')}
          error={e('art35', 'reason')}
          required
          maxlength={500}
        />
      </StepForm>
    ),
    answer: () => (
      <StepForm {...common} step="answer" hint="答复类型即年度报告表三的统计行，答复书据此引用法律依据。">
        <Select
          idPrefix="answer"
          name="answerType"
          label="答复类型"
          options={[{ value: '', label: '请选择' }, ...answerOptions()]}
          value={v('answer', 'answerType')}
          error={e('answer', 'answerType')}
          required
        />
      </StepForm>
    ),
    close: () => <StepForm {...common} step="close" />,
  }
  if (props.steps.length === 0) return <p class="muted">本案当前没有可办理的步骤。</p>
  return <div class="step-forms">{props.steps.map((s) => forms[s]())}</div>
}
