import type { ExportSpec } from './report-source';

/** What an export worker is started with (workerData). */
export interface WorkerTask {
  planPath: string;
  nativeBinding?: string | undefined;
  spec: ExportSpec;
  /** The part file's descriptor, opened and closed by the parent. */
  fd: number;
}

export type WorkerReply =
  | { type: 'progress'; done: number; total: number; phase: string }
  /** The file is complete on the descriptor. */
  | { type: 'written' }
  /** A PDF's print page: the parent prints it (and can stop Chromium when cancelled). */
  | { type: 'html'; html: string }
  | { type: 'failed'; message: string; stack?: string };
