import type { ApiParsedInput, RequestDetail, RequestsList, RequestWritten, SkillInfo, StatusChanged } from '../../../shared/api';
import { listRequests, listSkills, requestDetail } from '../requests/read';
import { setRequestStatus } from '../requests/status';
import { writeRequest } from '../requests/write';
import type { BackendContext } from './context';

export const requestsList = (ctx: BackendContext): RequestsList => listRequests(ctx);

export const requestsGet = (ctx: BackendContext, input: ApiParsedInput<'requests-get'>): RequestDetail => requestDetail(ctx, input.ref);

export function requestsSave(ctx: BackendContext, input: ApiParsedInput<'requests-save'>): RequestWritten {
  return writeRequest(ctx, {
    ref: input.ref,
    id: input.ref === undefined ? input.id : undefined,
    fields: input.fields,
    lines: input.lines,
  });
}

export const requestsSetStatus = (ctx: BackendContext, input: ApiParsedInput<'requests-set-status'>): StatusChanged =>
  setRequestStatus(ctx, input);

export const skillsList = (ctx: BackendContext): { skills: SkillInfo[] } => listSkills(ctx);
