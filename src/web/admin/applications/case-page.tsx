// The case page: the applicant (masked; 显示完整信息 for the case's officer and above, audited), the request,
// the deadline with its explanation (which days counted, paused or skipped as holidays, and why), the event
// log, the steps valid now, officer assignment and the letters (preview, send frozen, download).
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import {
  APPLICANT_TYPE_LABELS,
  CASE_STATUS_DESCRIPTIONS,
  DELIVERY_METHOD_LABELS,
  FORM_WANTED_LABELS,
  ID_TYPE_LABELS,
  ORG_SUBTYPE_LABELS,
  RECEIPT_CHANNEL_LABELS,
} from './applications-surface.ts'
import type {
  Applicant,
  CaseDetail,
  DeliveryMethod,
  DueDate,
  ExplanationDay,
  FormWanted,
  ReceiptChannel,
} from './applications-surface.ts'
import type { Step } from './case-steps.ts'
import { StepForms, type StepFormState } from './step-forms.tsx'

export interface CasePageProps {
  readonly detail: CaseDetail
  readonly csrfToken: string
  readonly today: string
  /** Full applicant details after an audited reveal. */
  readonly revealed?: Applicant | undefined
  readonly steps: readonly Step[]
  readonly stepState: StepFormState
  readonly mayHandle: boolean
  readonly officers: readonly { readonly id: number; readonly displayName: string }[]
  readonly officerName: string | null
  readonly letterPreview?: { readonly title: string; readonly text: string } | undefined
  readonly letterValues: Readonly<Record<string, string>>
  readonly letterErrors: Readonly<Record<string, string>>
}

function dueText(due: DueDate | null | undefined): string {
  if (!due) return '—'
  return due.status === 'due' ? due.date : `${due.year}年节假日安排尚未公布，期限无法确定（不作推测）`
}

const DAY_KIND_LABELS: Readonly<Record<ExplanationDay['kind'], string>> = {
  counted: '计入',
  weekend: '周末',
  holiday: '节假日',
  paused: '暂停',
}

function ApplicantPanel(props: {
  readonly a: Applicant
  readonly full: boolean
  readonly id: number
  readonly canReveal: boolean
  readonly csrfToken: string
}) {
  const { a } = props
  return (
    <section class="panel" aria-labelledby="h-applicant">
      <h2 id="h-applicant">申请人</h2>
      <dl>
        <dt>类型</dt>
        <dd>
          <span safe>{APPLICANT_TYPE_LABELS[a.type]}</span>
          {a.orgSubtype ? <span safe>{`（${ORG_SUBTYPE_LABELS[a.orgSubtype]}）`}</span> : ''}
        </dd>
        <dt>姓名或名称</dt>
        <dd safe>{a.name}</dd>
        <dt>证件</dt>
        <dd safe>{`${ID_TYPE_LABELS[a.idType]} ${a.idNumber}`}</dd>
        {a.contactName ? (
          <>
            <dt>联系人</dt>
            <dd safe>{a.contactName}</dd>
          </>
        ) : (
          ''
        )}
        <dt>联系电话</dt>
        <dd safe>{a.phone}</dd>
        <dt>电子邮箱</dt>
        <dd safe>{a.email ?? '—'}</dd>
        <dt>通信地址</dt>
        <dd safe>{`${a.address ?? '—'}${a.postcode ? `（${a.postcode}）` : ''}`}</dd>
      </dl>
      {props.full ? (
        <p class="notice" role="status">
          以上为完整信息，本次查看已记入审计日志。
        </p>
      ) : props.canReveal ? (
        <form method="post" action={`/admin/applications/${props.id}/reveal`}>
          <CsrfField token={props.csrfToken} />
          <button type="submit">显示完整信息</button> <span class="muted">（查看将记入审计日志）</span>
        </form>
      ) : (
        <p class="muted">证件号码和联系方式已部分隐藏；本案承办人及机构管理员可查看完整信息。</p>
      )}
    </section>
  )
}

function DeadlinePanel({ detail }: { readonly detail: CaseDetail }) {
  const { clock } = detail
  const a = clock.answer
  return (
    <section class="panel" aria-labelledby="h-deadline">
      <h2 id="h-deadline">答复期限</h2>
      <dl>
        <dt>收到申请之日</dt>
        <dd>{clock.receipt.status === 'known' ? clock.receipt.date : '待确认（条例第三十一条）'}</dd>
        <dt>答复期限</dt>
        <dd>
          <strong safe>{dueText(a.due)}</strong>
          {detail.overdue ? (
            <>
              {' '}
              <span class="tag tag-overdue">已逾期</span>
            </>
          ) : (
            ''
          )}
        </dd>
        <dt>计算</dt>
        <dd safe>
          {a.state === 'paused'
            ? `自${a.startedOn ?? ''}起已计${a.countedWorkingDays}个工作日，自${a.pausedSince ?? ''}起暂停计算`
            : a.state === 'not_started'
              ? '尚未开始计算'
              : `自${a.startedOn ?? ''}起${a.limitWorkingDays}个工作日（首日不计入）`}
        </dd>
        {clock.correctionNoticeDue ? (
          <>
            <dt>补正告知最迟</dt>
            <dd safe>{dueText(clock.correctionNoticeDue)}</dd>
          </>
        ) : (
          ''
        )}
        {clock.correction ? (
          <>
            <dt>申请人补正期限</dt>
            <dd safe>{dueText(clock.correction.applicantDue)}</dd>
          </>
        ) : (
          ''
        )}
        {clock.consultations.map((c) => (
          <>
            <dt>征求意见答复期限</dt>
            <dd safe>{`${dueText(c.replyDue)}${c.answeredOn ? `（已于${c.answeredOn}答复）` : ''}`}</dd>
          </>
        ))}
        {clock.fee ? (
          <>
            <dt>缴费期限</dt>
            <dd safe>{`${dueText(clock.fee.paymentDue)}（${clock.fee.amountYuan}元）`}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {clock.unknownYears.length > 0 ? (
        <p class="alert" role="alert" safe>
          {`${clock.unknownYears.join('、')}年的节假日安排尚未公布，相关期限暂无法计算，请在日历设置中补充后再看。`}
        </p>
      ) : (
        ''
      )}
      <h3>计算依据</h3>
      <ul>
        {clock.notes.map((n) => (
          <li safe>{n}</li>
        ))}
        {clock.problems.map((p) => (
          <li class={p.severity === 'error' ? 'error' : 'warning'} safe>
            {p.message}
          </li>
        ))}
      </ul>
      {clock.explanation.length > 0 ? (
        <details>
          <summary>逐日说明（{clock.explanation.length}天）</summary>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">日期</th>
                  <th scope="col">处理</th>
                  <th scope="col">第几个工作日</th>
                  <th scope="col">原因</th>
                </tr>
              </thead>
              <tbody>
                {clock.explanation.map((d) => (
                  <tr>
                    <td safe>{d.date}</td>
                    <td safe>{DAY_KIND_LABELS[d.kind]}</td>
                    <td safe>{d.count === undefined ? '' : String(d.count)}</td>
                    <td safe>{d.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : (
        ''
      )}
    </section>
  )
}

function LettersPanel(props: CasePageProps) {
  const { detail } = props
  const v = props.letterValues
  const e = props.letterErrors
  return (
    <section class="panel" aria-labelledby="h-letters">
      <h2 id="h-letters">文书</h2>
      {detail.letters.length === 0 ? (
        <p class="muted">尚未发出文书。</p>
      ) : (
        <ul>
          {detail.letters.map((l) => (
            <li>
              <span safe>{`${l.sentOn} ${l.title} ${l.number}`}</span>{' '}
              <a href={`/admin/applications/letters/${l.id}/pdf`}>PDF</a>{' '}
              <a href={`/admin/applications/letters/${l.id}/docx`}>Word</a>
            </li>
          ))}
        </ul>
      )}
      {props.letterPreview ? (
        <div class="body-preview" aria-label="文书预览">
          <h3>预览（发送时编号，发送后不可更改）</h3>
          <pre safe>{props.letterPreview.text}</pre>
        </div>
      ) : (
        ''
      )}
      {props.mayHandle ? (
        <form method="post" action={`/admin/applications/${detail.id}/letters`}>
          <CsrfField token={props.csrfToken} />
          <SelectField
            name="request"
            label="文书类型"
            options={[
              { value: 'answer', label: '答复书（按已记录的答复类型）' },
              { value: 'correction_notice', label: '补正告知书' },
              { value: 'extension_notice', label: '延期答复告知书' },
              { value: 'consultation_letter', label: '第三方意见征询函' },
              { value: 'fee_notice', label: '收费通知书' },
            ]}
            value={v.request}
            error={e.request}
          />
          <TextField
            name="on"
            label="成文日期"
            type="date"
            value={v.on ?? props.today}
            error={e.on}
            required
          />
          <div class="field">
            <label for="f-reasons">说明或理由（不予公开部分的理由等）</label>
            <textarea id="f-reasons" name="reasons" rows="3" maxlength="5000" safe>
              {v.reasons ?? ''}
            </textarea>
          </div>
          <TextField
            name="consultedParty"
            label="被征求意见的第三方（征询函）"
            value={v.consultedParty}
            error={e.consultedParty}
            maxlength={200}
          />
          <TextField
            name="feeBands"
            label="收费明细（收费通知书，可选）"
            value={v.feeBands}
            error={e.feeBands}
            maxlength={1000}
          />
          <button type="submit" name="intent" value="preview">
            预览
          </button>{' '}
          <button type="submit" name="intent" value="send">
            生成并发送
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  )
}

export function CasePage(props: CasePageProps) {
  const { detail } = props
  const applicant = props.revealed ?? detail.applicant
  return (
    <>
      <dl class="case-head">
        <dt>受理机关</dt>
        <dd safe>{detail.agencyName}</dd>
        <dt>状态</dt>
        <dd safe>{CASE_STATUS_DESCRIPTIONS[detail.clock.status]}</dd>
        <dt>申请方式</dt>
        <dd safe>{RECEIPT_CHANNEL_LABELS[detail.channel as ReceiptChannel] ?? detail.channel}</dd>
        <dt>承办人</dt>
        <dd safe>{props.officerName ?? (detail.officerId === null ? '未指定' : '已指定')}</dd>
      </dl>
      <ApplicantPanel
        a={applicant}
        full={props.revealed !== undefined}
        id={detail.id}
        canReveal={detail.canReveal}
        csrfToken={props.csrfToken}
      />
      <section class="panel" aria-labelledby="h-request">
        <h2 id="h-request">申请内容</h2>
        <dl>
          <dt>所需政府信息</dt>
          <dd safe>{detail.description}</dd>
          {detail.documentRef ? (
            <>
              <dt>文件名称或文号</dt>
              <dd safe>{detail.documentRef}</dd>
            </>
          ) : (
            ''
          )}
          <dt>获取信息的形式</dt>
          <dd safe>{FORM_WANTED_LABELS[detail.formWanted as FormWanted] ?? detail.formWanted}</dd>
          <dt>获取信息的方式</dt>
          <dd safe>
            {DELIVERY_METHOD_LABELS[detail.deliveryMethod as DeliveryMethod] ?? detail.deliveryMethod}
          </dd>
          {detail.intakeNote ? (
            <>
              <dt>登记说明</dt>
              <dd safe>{detail.intakeNote}</dd>
            </>
          ) : (
            ''
          )}
          {detail.attachments.length > 0 ? (
            <>
              <dt>附件</dt>
              <dd safe>{detail.attachments.map((f) => f.fileName).join('、')}</dd>
            </>
          ) : (
            ''
          )}
        </dl>
      </section>
      <DeadlinePanel detail={detail} />
      <section class="panel" aria-labelledby="h-history">
        <h2 id="h-history">办理记录</h2>
        <ol>
          {detail.history.map((h) => (
            <li safe>{`${h.event.on} ${h.text}（记录于${h.recordedAt.slice(0, 16).replace('T', ' ')}）`}</li>
          ))}
        </ol>
      </section>
      {props.mayHandle ? (
        <section class="panel" aria-labelledby="h-steps">
          <h2 id="h-steps">办理</h2>
          <StepForms
            detail={detail}
            steps={props.steps}
            csrfToken={props.csrfToken}
            today={props.today}
            state={props.stepState}
          />
          <form method="post" action={`/admin/applications/${detail.id}/assign`} class="panel">
            <h3>指定承办人</h3>
            <CsrfField token={props.csrfToken} />
            <SelectField
              name="officerId"
              label="承办人（本机关依申请办理员）"
              options={[
                { value: '', label: '不指定' },
                ...props.officers.map((o) => ({ value: String(o.id), label: o.displayName })),
              ]}
              value={detail.officerId === null ? '' : String(detail.officerId)}
              error={props.stepState.errors.officerId}
            />
            <button type="submit">保存承办人</button>
          </form>
        </section>
      ) : (
        <p class="muted">只读：您可以查看本案，但不能办理。</p>
      )}
      <LettersPanel {...props} />
    </>
  )
}
