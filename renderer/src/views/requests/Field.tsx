import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A visible label, its control, a hint and the error in words, tied together for screen readers. */
export function Field({
  label,
  error,
  hint,
  className,
  errorKey,
  children,
}: {
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  /** The form key of the field, on its error, so tests and focus can find it. */
  errorKey?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`rq-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="rq-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="rq-error" data-testid="field-error" data-field={errorKey}>
          {error}
        </p>
      )}
    </div>
  );
}
