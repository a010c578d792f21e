// One item in the console: its metadata, the sanitised body, attachments, and the workflow steps the user may
// take now (each a small form: 提交保密审查, 审查通过/定时发布, 退回修改 with a reason, 撤稿 with a reason).
import { CsrfField } from '../../shared/form-fields.tsx'
import {
  ITEM_TYPE_LABELS,
  VALIDITY_LABELS,
  type Attachment,
  type DeadlineStanding,
  type Item,
} from './catalogue-surface.ts'
import { BodyPreview } from './item-form.tsx'
import { DeadlineTag, StatusTag } from './item-status.tsx'

/** Which steps the page offers: the policy and the workflow both allow them. */
export interface ItemSteps {
  readonly edit: boolean
  readonly submit: boolean
  readonly review: boolean
  readonly withdraw: boolean
  readonly upload: boolean
}

export interface ItemDetailProps {
  readonly item: Item
  readonly columnName: string
  readonly topicLabel: string
  readonly attachments: readonly Attachment[]
  readonly standing: DeadlineStanding | null
  readonly steps: ItemSteps
  readonly csrfToken: string
  readonly errors: Readonly<Record<string, string>>
  readonly values: Readonly<Record<string, string>>
  readonly maxUploadMb: number
}

function Meta({ label, value }: { readonly label: string; readonly value: string | null | undefined }) {
  return (
    <>
      <dt safe>{label}</dt>
      <dd safe>{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </>
  )
}

function ReasonForm(props: {
  readonly action: string
  readonly title: string
  readonly button: string
  readonly name: string
  readonly csrfToken: string
  readonly value: string | undefined
  readonly error: string | undefined
}) {
  const id = `f-${props.name}`
  return (
    <form method="post" action={props.action} class="panel stacked">
      <h2 safe>{props.title}</h2>
      <CsrfField token={props.csrfToken} />
      <div class="field">
        <label for={id}>
          原因<span aria-hidden="true"> *</span>
        </label>
        <textarea
          id={id}
          name="reason"
          rows="3"
          required
          aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={props.error ? `${id}-error` : undefined}
          safe
        >
          {props.value ?? ''}
        </textarea>
        {props.error ? (
          <p class="error" id={`${id}-error`} safe>
            {props.error}
          </p>
        ) : (
          ''
        )}
      </div>
      <button type="submit" class="secondary" safe>
        {props.button}
      </button>
    </form>
  )
}

function ReviewForms({ item, csrfToken, errors, values }: ItemDetailProps) {
  return (
    <>
      <form method="post" action={`/admin/catalogue/items/${item.id}/approve`} class="panel stacked">
        <h2>保密审查</h2>
        <CsrfField token={csrfToken} />
        <div class="field">
          <label for="f-scheduledAt">定时发布时间（北京时间，可选）</label>
          <p class="hint" id="f-scheduledAt-hint">
            留空则审查通过后立即发布。
          </p>
          <input
            id="f-scheduledAt"
            name="scheduledAt"
            type="datetime-local"
            value={values.scheduledAt ?? ''}
            aria-describedby={
              errors.scheduledAt ? 'f-scheduledAt-hint f-scheduledAt-error' : 'f-scheduledAt-hint'
            }
            aria-invalid={errors.scheduledAt ? 'true' : undefined}
          />
          {errors.scheduledAt ? (
            <p class="error" id="f-scheduledAt-error" safe>
              {errors.scheduledAt}
            </p>
          ) : (
            ''
          )}
        </div>
        <button type="submit">审查通过并发布</button>
      </form>
      <ReasonForm
        action={`/admin/catalogue/items/${item.id}/return`}
        title="退回修改"
        button="退回修改"
        name="return-reason"
        csrfToken={csrfToken}
        value={values.returnReason}
        error={errors.returnReason}
      />
    </>
  )
}

function Attachments(props: ItemDetailProps) {
  return (
    <section class="panel" aria-labelledby="attachments-title">
      <h2 id="attachments-title">附件</h2>
      {props.attachments.length === 0 ? (
        <p class="muted">没有附件。</p>
      ) : (
        <ul>
          {props.attachments.map((a) => (
            <li>
              <span safe>{a.fileName}</span>{' '}
              <span class="muted" safe>{`（${Math.max(1, Math.round(a.sizeBytes / 1024))} KB）`}</span>
            </li>
          ))}
        </ul>
      )}
      {props.steps.upload ? (
        <form
          method="post"
          action={`/admin/catalogue/items/${props.item.id}/attachments`}
          enctype="multipart/form-data"
          class="stacked"
        >
          <CsrfField token={props.csrfToken} />
          <div class="field">
            <label for="f-file">上传附件</label>
            <p class="hint" id="f-file-hint" safe>
              {`允许 PDF、Word（.docx）、Excel（.xlsx）和 PNG、JPEG、GIF 图片，单个文件不超过 ${props.maxUploadMb} MB。`}
            </p>
            <input
              id="f-file"
              name="file"
              type="file"
              required
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif"
              aria-describedby={props.errors.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
              aria-invalid={props.errors.file ? 'true' : undefined}
            />
            {props.errors.file ? (
              <p class="error" id="f-file-error" safe>
                {props.errors.file}
              </p>
            ) : (
              ''
            )}
          </div>
          <button type="submit" class="secondary">
            上传
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  )
}

export function ItemDetail(props: ItemDetailProps) {
  const { item, steps } = props
  return (
    <>
      <p>
        <StatusTag status={item.status} /> <DeadlineTag standing={props.standing} />
      </p>
      {item.status === 'returned' && item.returnReason ? (
        <p class="alert" role="status">
          退回原因：<span safe>{item.returnReason}</span>
        </p>
      ) : (
        ''
      )}
      {item.status === 'withdrawn' ? (
        <p class="notice" role="status">
          已撤稿（<span safe>{item.withdrawnAt?.slice(0, 10) ?? ''}</span>）。撤稿原因：
          <span safe>{item.withdrawalReason ?? ''}</span>
        </p>
      ) : (
        ''
      )}
      {steps.edit || steps.submit ? (
        <div class="actions">
          {steps.edit ? (
            <a class="button" href={`/admin/catalogue/items/${item.id}/edit`}>
              编辑
            </a>
          ) : (
            ''
          )}
          {steps.submit ? (
            <form method="post" action={`/admin/catalogue/items/${item.id}/submit`}>
              <CsrfField token={props.csrfToken} />
              <button type="submit">提交保密审查</button>
            </form>
          ) : (
            ''
          )}
        </div>
      ) : (
        ''
      )}
      <dl class="cards metadata">
        <Meta label="索引号" value={item.indexNumber} />
        <Meta label="所属栏目" value={props.columnName} />
        <Meta label="主题分类" value={props.topicLabel} />
        <Meta label="发布机构" value={item.publisherName} />
        <Meta label="成文日期" value={item.writtenOn} />
        <Meta label="发布日期" value={item.publishedOn} />
        <Meta label="文号" value={item.docNumber} />
        <Meta label="信息类型" value={ITEM_TYPE_LABELS[item.itemType]} />
        <Meta label="有效性" value={VALIDITY_LABELS[item.validity]} />
        <Meta label="实施日期" value={item.effectiveOn} />
        <Meta label="废止日期" value={item.repealedOn} />
        <Meta label="形成或变更日期" value={item.madeOn} />
        <Meta label="关键词" value={item.keywords.join('、')} />
        <Meta label="定时发布" value={item.scheduledAt === null ? null : item.scheduledAt} />
      </dl>
      {item.summary ? (
        <section class="panel">
          <h2>内容概述</h2>
          <p safe>{item.summary}</p>
        </section>
      ) : (
        ''
      )}
      <BodyPreview safeHtml={item.bodyHtml} />
      <Attachments {...props} />
      {steps.review ? <ReviewForms {...props} /> : ''}
      {steps.withdraw ? (
        <ReasonForm
          action={`/admin/catalogue/items/${item.id}/withdraw`}
          title="撤稿"
          button="撤稿"
          name="withdraw-reason"
          csrfToken={props.csrfToken}
          value={props.values.withdrawalReason}
          error={props.errors.withdrawalReason}
        />
      ) : (
        ''
      )}
    </>
  )
}
