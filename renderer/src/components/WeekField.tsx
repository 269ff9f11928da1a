import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type' | 'value' | 'onChange'>;

/** A label and an ISO week input (`type="week"`): the week range picker's fields and the drop editor's. */
export function WeekField({
  label,
  value,
  invalid,
  describedBy,
  onChange,
  inputRef,
  ...input
}: InputProps & {
  label: ReactNode;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (week: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        ref={inputRef}
        id={id}
        type="week"
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
