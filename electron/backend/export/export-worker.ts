// The export worker thread: opens the plan file itself (read-only), computes the report
// rows and streams the file to the descriptor its parent opened, posting progress. The
// parent (export-jobs.ts) renames the file into place, or removes it when cancelled.
import { parentPort, workerData } from 'node:worker_threads';
import { PlanSession } from '../plan-session';
import { reportHtml, writeTableExport, type ExportSpec } from './report-source';
import { createWriteStream } from 'node:fs';
import type { WorkerReply, WorkerTask } from './export-protocol';

const task = workerData as WorkerTask;
const post = (m: WorkerReply): void => parentPort!.postMessage(m);

async function run(): Promise<void> {
  post({ type: 'progress', done: 0, total: 0, phase: 'Reading the plan' });
  const s = PlanSession.open(task.planPath, { readonly: true, nativeBinding: task.nativeBinding });
  try {
    // One read transaction: every figure comes from the same committed state of the plan,
    // whatever the app writes meanwhile.
    s.db.exec('BEGIN');
    const spec: ExportSpec = task.spec;
    if (spec.format === 'pdf') {
      const html = await reportHtml(s, spec);
      post({ type: 'html', html });
      return;
    }
    const out = createWriteStream('', { fd: task.fd, autoClose: false, emitClose: false });
    let last = 0;
    await writeTableExport(
      s,
      spec,
      out,
      (done, total, phase) => {
        // Progress at most every 1% (and at each new phase): enough for a bar, cheap to post.
        if (done !== 0 && done !== total && done - last < total / 100) return;
        last = done;
        post({ type: 'progress', done, total, phase });
      },
      { releasePlan: true },
    );
    post({ type: 'written' });
  } finally {
    s.close();
  }
}

run().catch((e: unknown) => {
  post({
    type: 'failed',
    message: e instanceof Error ? e.message : String(e),
    ...(e instanceof Error && e.stack ? { stack: e.stack } : {}),
  });
});
