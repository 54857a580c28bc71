import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import type { Message } from "../../../core/i18n/message";
import { useT } from "../../i18n/i18n-provider";
import { cx } from "./cx";

/** Field errors are messages (core/schemas/form-data.ts), put into words here in the reader's language. */
function useErrorText(errors: readonly Message[] | undefined): string {
  const { text } = useT();
  return (errors ?? []).map(text).join(" ");
}

interface FieldShellProps {
  label: ReactNode;
  description?: ReactNode;
  errors?: Message[];
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** Label, control, help text and errors, wired with ids so screen readers announce them together. */
function FieldShell({ label, description, errors, children, className }: FieldShellProps) {
  const inputId = useId();
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const invalid = Boolean(errors?.length);
  const errorText = useErrorText(errors);
  const describedBy = [description && descriptionId, invalid && errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("field", invalid && "field-invalid", className)}>
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {description ? (
        <p className="field-description" id={descriptionId}>
          {description}
        </p>
      ) : null}
      {children({ inputId, describedBy, invalid })}
      {invalid ? (
        <p className="field-error" id={errorId} role="alert">
          {errorText}
        </p>
      ) : null}
    </div>
  );
}

type Common = { label: ReactNode; description?: ReactNode; errors?: Message[]; className?: string };

export function TextField({ label, description, errors, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell label={label} description={description} errors={errors} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <input id={inputId} className="input" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldShell>
  );
}

export function TextareaField({ label, description, errors, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell label={label} description={description} errors={errors} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <textarea id={inputId} className="input" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...input} />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  label,
  description,
  errors,
  className,
  options,
  placeholder,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <FieldShell label={label} description={description} errors={errors} className={className}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} className="input" aria-describedby={describedBy} aria-invalid={invalid || undefined} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function CheckboxField({ label, description, errors, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const errorText = useErrorText(errors);
  return (
    <div className={cx("field field-checkbox", className)}>
      <input id={id} type="checkbox" aria-describedby={description ? `${id}-d` : undefined} {...input} />
      <div>
        <label htmlFor={id} className="field-label">
          {label}
        </label>
        {description ? (
          <p className="field-description" id={`${id}-d`}>
            {description}
          </p>
        ) : null}
        {errorText ? <p className="field-error" role="alert">{errorText}</p> : null}
      </div>
    </div>
  );
}
