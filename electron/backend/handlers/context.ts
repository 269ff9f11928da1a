import { ApiError } from '../../../shared/api/errors';
import type { Clock } from '../clock';
import type { ExportJobs, PdfPrinter } from '../export/export-jobs';
import type { PlanSession } from '../plan-session';

export interface BackendContext {
  session: PlanSession | null;
  nativeBinding?: string | undefined;
  /** What day it is for this backend: the system clock, or a pinned one in tests. */
  clock: Clock;
  /** Export jobs started by this backend (made by the first exports-start). */
  exports?: ExportJobs | undefined;
  /** How export jobs print PDFs: the desktop's main process, else Chromium via playwright-core. */
  printPdf?: PdfPrinter | undefined;
}

export function requireSession(ctx: BackendContext): PlanSession {
  if (!ctx.session) throw new ApiError('no-plan-open', 'No plan is open: open or create a plan first.');
  return ctx.session;
}
