import type { SelectHTMLAttributes } from 'react';

/** A department filter: "All departments" (the empty value) and then each department given. */
export function DepartmentSelect({
  departments,
  onChange,
  ...select
}: Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'children'> & {
  departments: readonly string[];
  value: string;
  onChange: (department: string) => void;
}) {
  return (
    <select {...select} onChange={(e) => onChange(e.target.value)}>
      <option value="">All departments</option>
      {departments.map((d) => (
        <option key={d} value={d}>
          {d}
        </option>
      ))}
    </select>
  );
}
