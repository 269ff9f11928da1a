import type { ChangeResult } from '../../../shared/api';
import { flagInScope, sortFlags, type Flag } from '../../../shared/domain';

/**
 * The flag list a screen holds after a change: the backend recomputed every flag in the
 * change's scope, so the held flags in that scope are replaced and the others kept.
 * Pure, so the backend tests check the very patch the screen applies.
 */
export function patchFlags(held: readonly Flag[], change: ChangeResult['flags']): Flag[] {
  const scope = { specialistWeeks: new Set(change.scope.specialistWeeks), requestRefs: new Set(change.scope.requestRefs) };
  return sortFlags([...held.filter((f) => !flagInScope(f, scope)), ...change.flags]);
}
