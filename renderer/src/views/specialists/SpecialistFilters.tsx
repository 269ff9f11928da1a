import { useId, useMemo } from 'react';
import { DepartmentSelect } from '../../components/DepartmentSelect';
import { distinct, specialistFiltersActive } from '../../model/filters';
import { clearSpecialistFilters, setSpecialistFilters, useStore } from '../../store';

const LEVELS = [1, 2, 3, 4, 5] as const;

/** Department, skill with a minimum level, and name; over the rows already loaded. */
export function SpecialistFiltersBar() {
  const filters = useStore((s) => s.specialistFilters);
  const byId = useStore((s) => s.specialistsById);
  const nameId = useId();
  const departmentId = useId();
  const skillId = useId();
  const levelId = useId();
  const { departments, skills } = useMemo(() => {
    const rows = Object.values(byId);
    return { departments: distinct(rows.map((r) => r.department)), skills: distinct(rows.flatMap((r) => r.skills.map((k) => k.name))) };
  }, [byId]);

  return (
    <form className="filters specialist-filters" role="search" aria-label="Filter specialists" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={nameId} className="visually-hidden">
        Specialist name
      </label>
      <input
        id={nameId}
        type="search"
        className="filter-text"
        placeholder="Name or id"
        value={filters.name}
        onChange={(e) => setSpecialistFilters({ name: e.target.value })}
      />
      <label htmlFor={departmentId} className="visually-hidden">
        Department
      </label>
      <DepartmentSelect
        id={departmentId}
        departments={departments}
        value={filters.department}
        onChange={(department) => setSpecialistFilters({ department })}
      />
      <label htmlFor={skillId} className="visually-hidden">
        Skill
      </label>
      <select id={skillId} value={filters.skill} onChange={(e) => setSpecialistFilters({ skill: e.target.value })}>
        <option value="">Any skill</option>
        {skills.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <label htmlFor={levelId} className="visually-hidden">
        Minimum level
      </label>
      <select
        id={levelId}
        value={filters.minLevel}
        disabled={!filters.skill}
        title={filters.skill ? undefined : 'Choose a skill first'}
        onChange={(e) => setSpecialistFilters({ minLevel: Number(e.target.value) })}
      >
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            L{l}+
          </option>
        ))}
      </select>
      {specialistFiltersActive(filters) && (
        <button type="button" className="link-button" onClick={clearSpecialistFilters}>
          Clear
        </button>
      )}
    </form>
  );
}
