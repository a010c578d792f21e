// The 新建/编辑信息 form: every catalogue metadata field of an item (format-and-law.md §8) and the body as
// HTML, which the catalogue sanitises; the preview shows the sanitised result, exactly as it will be published.
import { CsrfField, SelectField, TextField } from '../../shared/form-fields.tsx'
import {
  ITEM_TYPE_LABELS,
  ITEM_TYPES,
  VALIDITIES,
  VALIDITY_LABELS,
  type Item,
  type TopicCategory,
} from './catalogue-surface.ts'

export type ItemFormValues = Readonly<Record<string, string | undefined>>

export function itemToFormValues(item: Item): ItemFormValues {
  return {
    columnId: String(item.columnId),
    title: item.title,
    itemType: item.itemType,
    topicCode: item.topicCode ?? '',
    publisherName: item.publisherName,
    docNumber: item.docNumber ?? '',
    writtenOn: item.writtenOn ?? '',
    madeOn: item.madeOn ?? '',
    validity: item.validity,
    effectiveOn: item.effectiveOn ?? '',
    repealedOn: item.repealedOn ?? '',
    keywords: item.keywords.join(' '),
    summary: item.summary,
    bodyHtml: item.bodyHtml,
  }
}

/** Full-width space: indents second-level topics in the select. */
const INDENT = '\u3000'

function topicOptions(topics: readonly TopicCategory[]) {
  return [
    { value: '', label: '（未分类）' },
    ...topics.flatMap((t) => [
      { value: t.code, label: t.name },
      ...(t.children ?? []).map((c) => ({ value: c.code, label: `${INDENT}${t.name}\\${c.name}` })),
    ]),
  ]
}

function TextArea(props: {
  readonly name: string
  readonly label: string
  readonly value: string | undefined
  readonly error: string | undefined
  readonly rows: number
  readonly hint?: string
}) {
  const id = `f-${props.name}`
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class="field">
      <label for={id} safe>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
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
  )
}

export interface ItemFormProps {
  readonly action: string
  readonly csrfToken: string
  readonly values: ItemFormValues
  readonly errors: Readonly<Record<string, string>>
  readonly columns: readonly { readonly value: string; readonly label: string }[]
  readonly topics: readonly TopicCategory[]
}

export function ItemForm(props: ItemFormProps) {
  const v = props.values
  const e = props.errors
  return (
    <form method="post" action={props.action} class="stacked panel" novalidate>
      <CsrfField token={props.csrfToken} />
      <SelectField
        name="columnId"
        label="所属栏目"
        options={props.columns}
        value={v.columnId}
        error={e.columnId}
        required
      />
      <TextField name="title" label="标题" value={v.title} error={e.title} required maxlength={300} />
      <SelectField
        name="itemType"
        label="信息类型"
        options={ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_LABELS[t] }))}
        value={v.itemType}
        error={e.itemType}
      />
      <SelectField
        name="topicCode"
        label="主题分类"
        options={topicOptions(props.topics)}
        value={v.topicCode}
        error={e.topicCode}
      />
      <TextField
        name="publisherName"
        label="发布机构"
        value={v.publisherName}
        error={e.publisherName}
        hint="留空则使用本机构名称"
      />
      <TextField name="docNumber" label="文号" value={v.docNumber} error={e.docNumber} />
      <TextField name="writtenOn" label="成文日期" type="date" value={v.writtenOn} error={e.writtenOn} />
      <TextField
        name="madeOn"
        label="形成或变更日期"
        type="date"
        value={v.madeOn}
        error={e.madeOn}
        required
        hint="依照《政府信息公开条例》第二十六条，应自该信息形成或者变更之日起 20 个工作日内予以公开；提交保密审查前必须填写"
      />
      <SelectField
        name="validity"
        label="有效性"
        options={VALIDITIES.map((x) => ({ value: x, label: VALIDITY_LABELS[x] }))}
        value={v.validity}
        error={e.validity}
      />
      <TextField
        name="effectiveOn"
        label="实施日期"
        type="date"
        value={v.effectiveOn}
        error={e.effectiveOn}
      />
      <TextField name="repealedOn" label="废止日期" type="date" value={v.repealedOn} error={e.repealedOn} />
      <TextField
        name="keywords"
        label="关键词"
        value={v.keywords}
        error={e.keywords}
        hint="多个关键词用空格或顿号分隔"
      />
      <TextArea name="summary" label="内容概述" value={v.summary} error={e.summary} rows={3} />
      <TextArea
        name="bodyHtml"
        label="正文（HTML）"
        value={v.bodyHtml}
        error={e.bodyHtml}
        rows={14}
        hint="可粘贴 HTML；保存时只保留安全的格式（段落、标题、列表、表格、链接、图片），脚本和事件属性会被清除。"
      />
      <div class="actions">
        <button type="submit" name="intent" value="save">
          保存草稿
        </button>
        <button type="submit" name="intent" value="preview" class="secondary">
          预览正文
        </button>
      </div>
    </form>
  )
}

/** The sanitised body as it will be published (the caller passes the catalogue's sanitised HTML only). */
export function BodyPreview({ safeHtml }: { readonly safeHtml: string }) {
  return (
    <section class="panel preview" aria-labelledby="preview-title">
      <h2 id="preview-title">正文预览（清理后）</h2>
      {safeHtml === '' ? <p class="muted">正文为空。</p> : <div class="body-preview">{safeHtml}</div>}
    </section>
  )
}
