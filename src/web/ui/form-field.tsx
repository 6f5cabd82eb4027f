// A labelled control with its hint and error, tied together with aria-describedby for screen readers.
import {
  type ComponentPropsWithRef,
  cloneElement,
  type InputHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  required?: boolean;
}

export interface FormFieldProps {
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  /** One control (input, select, textarea); it receives id, aria-describedby and aria-invalid. */
  children: ReactElement<ControlProps>;
}

export function FormField({ label, error, hint, required, className, children }: FormFieldProps) {
  const auto = useId();
  const id = children.props.id ?? auto;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [children.props['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required-mark"> (required)</span>}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {cloneElement(children, {
        id,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
        required: required ?? children.props.required,
      })}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: ReactNode; error?: string | null; hint?: ReactNode };

export function TextField({ label, error, hint, required, ...input }: Common & ComponentPropsWithRef<'input'>) {
  return (
    <FormField label={label} error={error} hint={hint} required={required}>
      <input {...input} />
    </FormField>
  );
}

export function TextAreaField({
  label,
  error,
  hint,
  required,
  ...area
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FormField label={label} error={error} hint={hint} required={required}>
      <textarea {...area} />
    </FormField>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  error,
  hint,
  required,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: (Option | string)[] }) {
  return (
    <FormField label={label} error={error} hint={hint} required={required}>
      <select {...select}>
        {options.map((o) => {
          const opt = typeof o === 'string' ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value}>
              {opt.label}
            </option>
          );
        })}
      </select>
    </FormField>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const auto = useId();
  const id = input.id ?? auto;
  return (
    <div className="field field-checkbox">
      <input type="checkbox" id={id} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
