import { useEffect, useId, useMemo, useRef } from 'react';
import { cmpName } from '../../../../shared/domain';
import { setReportsFilter, toggleReportsDepartment } from '../../store';

/** "All departments", one name, or "3 departments": what the closed picker says. */
export function departmentsText(chosen: readonly string[]): string {
  if (chosen.length === 0) return 'All departments';
  if (chosen.length === 1) return chosen[0]!;
  return `${chosen.length} departments`;
}

/**
 * Several departments at once (the header's and the timeline's DepartmentSelect picks one): a
 * disclosure holding a checkbox per department. None ticked = every department.
 */
export function DepartmentPicker({ all, chosen }: { all: readonly string[]; chosen: readonly string[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const labelId = useId();
  // A department chosen in another plan stays listed, so it can be unticked.
  const listed = useMemo(() => [...new Set([...all, ...chosen])].sort(cmpName), [all, chosen]);

  // A click elsewhere or Escape closes it, as a select's list closes.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const outside = (e: PointerEvent) => {
      if (el.open && e.target instanceof Node && !el.contains(e.target)) el.open = false;
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && el.open) {
        el.open = false;
        el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('pointerdown', outside);
    el.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      el.removeEventListener('keydown', escape);
    };
  }, []);

  return (
    <div className="rp-departments">
      <span className="rp-label" id={labelId}>
        Departments
      </span>
      <details ref={ref} className="rp-picker" data-testid="reports-departments">
        <summary aria-describedby={labelId}>{departmentsText(chosen)}</summary>
        <div className="rp-picker-list" role="group" aria-label="Departments shown">
          <button
            type="button"
            className="rp-picker-all"
            disabled={chosen.length === 0}
            onClick={() => setReportsFilter({ departments: [] })}
          >
            All departments
          </button>
          {listed.length === 0 && <p className="empty-note">No departments in this plan.</p>}
          {listed.map((d) => (
            <label key={d} className="rp-check">
              <input type="checkbox" checked={chosen.includes(d)} onChange={() => toggleReportsDepartment(d)} />
              {d}
            </label>
          ))}
        </div>
      </details>
    </div>
  );
}
