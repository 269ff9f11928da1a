import type { ApiParsedInput } from '../../../shared/api';
import { computeFlags, countFlagsByKind } from '../../../shared/domain';
import { thisWeek } from '../clock';
import { requireSession, type BackendContext } from './context';

export function flagsList(ctx: BackendContext, input: ApiParsedInput<'flags-list'>) {
  const s = requireSession(ctx);
  const flags = computeFlags(s.snapshot(), { ...input, currentWeek: thisWeek(ctx.clock) }, s.index());
  return { flags, counts: countFlagsByKind(flags) };
}
