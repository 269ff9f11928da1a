import type { ApiParsedInput } from '../../../shared/api';
import type { BackendContext } from './context';

// ---- Issue 9 stubs (the export helper fills these in).
export function exportsStart(_ctx: BackendContext, _input: ApiParsedInput<'exports-start'>): never {
  throw new Error('not implemented');
}
export function exportsStatus(_ctx: BackendContext, _input: ApiParsedInput<'exports-status'>): never {
  throw new Error('not implemented');
}
export function exportsCancel(_ctx: BackendContext, _input: ApiParsedInput<'exports-cancel'>): never {
  throw new Error('not implemented');
}
