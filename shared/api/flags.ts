import type { Flag, FlagKind } from '../domain';
import { op, weekWindowSchema } from './operation';

export const flagsApi = {
  'flags-list': op<{ flags: Flag[]; counts: Record<FlagKind, number> }>()(weekWindowSchema),
};
