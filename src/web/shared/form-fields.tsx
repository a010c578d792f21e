// Form building blocks with labels, hints and error messages tied to their inputs (aria-describedby), so
// screen readers announce what is wrong with which field.
import { CSRF_FIELD } from './csrf.ts'

export function CsrfField({ token }: { readonly token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />
}

export interface TextFieldProps {
  readonly name: string
  readonly label: string
  readonly value?: string | null | undefined
  readonly error?: string | undefined
  readonly hint?: string
  readonly type?: 'text' | 'password' | 'email' | 'tel' | 'date'
  readonly required?: boolean
  readonly autocomplete?: string
  readonly maxlength?: number
}

export function TextField(props: TextFieldProps) {
  const id = `f-${props.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`
  const describedBy = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ')
  return (
    <div class="field">
      <label for={id}>
        <span safe>{props.label}</span>
        {props.required ? <span aria-hidden="true"> *</span> : ''}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required ?? false}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
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

export interface SelectFieldProps {
  readonly name: string
  readonly label: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly value?: string | undefined
  readonly error?: string | undefined
  readonly required?: boolean
}

export function SelectField(props: SelectFieldProps) {
  const id = `f-${props.name.replace(/[^a-zA-Z0-9_-]/g, '-')}`
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

export interface CheckboxGroupProps {
  readonly name: string
  readonly legend: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly checked: readonly string[]
  readonly error?: string | undefined
}

export function CheckboxGroup(props: CheckboxGroupProps) {
  return (
    <fieldset class="field">
      <legend safe>{props.legend}</legend>
      <div class="checks">
        {props.options.map((o) => (
          <label>
            <input
              type="checkbox"
              name={props.name}
              value={o.value}
              checked={props.checked.includes(o.value)}
            />
            <span safe>{o.label}</span>
          </label>
        ))}
      </div>
      {props.error ? (
        <p class="error" safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
    </fieldset>
  )
}
