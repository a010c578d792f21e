// Form parts of the public 依申请公开 pages that the shared form-fields lack: radio groups, a text area, a file
// input and the error summary. Every control has a visible label; hints and errors are tied to it with
// aria-describedby, and an invalid control says so (aria-invalid), as WCAG 2.1 AA asks (1.3.1, 3.3.1, 3.3.2).

/** The id of a field's control (`f-name`), the same scheme as shared/form-fields. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`
}

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
}

function Hint({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p class="hint" id={`${id}-hint`} safe>
      {text}
    </p>
  ) : (
    ''
  )
}

function ErrorText({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p class="error" id={`${id}-error`} safe>
      {text}
    </p>
  ) : (
    ''
  )
}

export interface RadioGroupProps {
  readonly name: string
  readonly legend: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly value?: string | undefined
  readonly error?: string | undefined
  readonly hint?: string
  readonly required?: boolean
}

/** A fieldset of radio buttons; the fieldset carries the id (`f-name`) the error summary links to. */
export function RadioGroup(props: RadioGroupProps) {
  const id = fieldId(props.name)
  return (
    <fieldset
      class="field radios"
      id={id}
      aria-describedby={describedBy(id, props.hint, props.error)}
      aria-invalid={props.error ? 'true' : undefined}
    >
      <legend>
        <span safe>{props.legend}</span>
        {props.required ? <span aria-hidden="true"> *</span> : ''}
      </legend>
      <Hint id={id} text={props.hint} />
      <div class="choices">
        {props.options.map((o) => (
          <label for={`${id}-${o.value}`}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={props.name}
              value={o.value}
              checked={o.value === props.value}
              required={props.required ?? false}
            />
            <span safe>{o.label}</span>
          </label>
        ))}
      </div>
      <ErrorText id={id} text={props.error} />
    </fieldset>
  )
}

export interface TextAreaProps {
  readonly name: string
  readonly label: string
  readonly value?: string | undefined
  readonly error?: string | undefined
  readonly hint?: string
  readonly required?: boolean
  readonly maxlength?: number
  readonly rows?: number
}

export function TextArea(props: TextAreaProps) {
  const id = fieldId(props.name)
  return (
    <div class="field">
      <label for={id}>
        <span safe>{props.label}</span>
        {props.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      <Hint id={id} text={props.hint} />
      <textarea
        id={id}
        name={props.name}
        rows={String(props.rows ?? 5)}
        required={props.required ?? false}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        safe
      >
        {/* HTML drops one newline right after <textarea>: give it one, so a value's own first line survives. */}
        {`\n${props.value ?? ''}`}
      </textarea>
      <ErrorText id={id} text={props.error} />
    </div>
  )
}

export interface FileFieldProps {
  readonly name: string
  readonly label: string
  readonly hint?: string
  readonly error?: string | undefined
  readonly accept: string
}

export function FileField(props: FileFieldProps) {
  const id = fieldId(props.name)
  return (
    <div class="field">
      <label for={id} safe>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <input
        id={id}
        name={props.name}
        type="file"
        accept={props.accept}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
      <ErrorText id={id} text={props.error} />
    </div>
  )
}

/**
 * The list of problems at the top of a form that was refused (WCAG 3.3.1): announced as an alert, each item a
 * link to its field. `order` gives the page order of the fields.
 */
export function ErrorSummary({
  message,
  errors,
  order,
  labels,
}: {
  message: string
  errors: Readonly<Record<string, string>>
  order: readonly string[]
  labels: Readonly<Record<string, string>>
}) {
  const names = [
    ...order.filter((n) => errors[n] !== undefined),
    ...Object.keys(errors).filter((n) => !order.includes(n)),
  ]
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 id="error-summary-title" safe>
        {message}
      </h2>
      {names.length > 0 ? (
        <ul>
          {names.map((n) =>
            order.includes(n) ? (
              <li>
                <a href={`#${fieldId(n)}`} safe>
                  {`${labels[n] ?? n}：${errors[n] ?? ''}`}
                </a>
              </li>
            ) : (
              <li safe>{errors[n] ?? ''}</li>
            ),
          )}
        </ul>
      ) : (
        ''
      )}
    </div>
  )
}

/** 2026-03-31 → 2026年3月31日. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  return `${y ?? ''}年${Number(m)}月${Number(d)}日`
}
