import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportJobStatus } from '../../../shared/api/reports';
import { ApiError } from '../../../shared/api/errors';
import { AtomicFile } from './atomic-file';
import type { WorkerReply, WorkerTask } from './export-protocol';
import type { ExportSpec } from './report-source';

/** Prints a PDF's HTML; stops (and rejects) when the signal fires. */
export type PdfPrinter = (html: string, signal: AbortSignal) => Promise<Uint8Array>;

export interface ExportJobsOptions {
  nativeBinding?: string | undefined;
  /** How PDFs are printed: Chromium through playwright-core unless a host brings its own. */
  printPdf?: PdfPrinter;
  /** The worker's entry; found next to this module (bundles) or started through tsx (sources). */
  workerEntry?: URL;
  /** Where the download folder is made: the system's temporary folder unless given (tests). */
  downloadRoot?: string;
  /** Finished jobs kept (with their download files): the newest FINISHED_JOBS_KEPT unless given. */
  finishedKept?: number;
  /** How long a finished download file is kept: DOWNLOAD_KEPT_MS unless given. */
  downloadKeptMs?: number;
}

/**
 * A web host runs for days: it keeps the newest 20 finished jobs (older ones and their
 * download files go), and a download file 10 minutes after its job finished, long enough
 * for the page (which downloads at once) and for a retry, whether or not it was downloaded.
 */
export const FINISHED_JOBS_KEPT = 20;
export const DOWNLOAD_KEPT_MS = 10 * 60 * 1000;

interface Job {
  status: ExportJobStatus;
  file: AtomicFile;
  worker: Worker | null;
  printing: AbortController | null;
  /** Where a download-only file lies (web host); null when it went to a target path. */
  downloadPath: string | null;
}

/** Where the download route finds a job's file. */
export const downloadUrlOf = (jobId: string): string => `/exports/${jobId}`;

/**
 * Export jobs of one backend: each runs in its own worker thread, so neither the window
 * nor the backend's other calls wait for it. A job's file is written to a part file
 * beside its target and renamed into place at the end; cancelling terminates the worker
 * and removes the part file. Files without a target (web host) go to a temporary folder
 * of this process, removed by dispose().
 */
export class ExportJobs {
  private jobs = new Map<string, Job>();
  /** Ids of finished (done, failed, cancelled) jobs, oldest first. */
  private finished: string[] = [];
  private downloadDir: string | null = null;

  constructor(private readonly options: ExportJobsOptions = {}) {}

  /** Starts a job and returns its first status at once. */
  start(planPath: string, spec: ExportSpec, fileName: string, targetPath: string | undefined): ExportJobStatus {
    const jobId = randomUUID();
    const downloadPath = targetPath === undefined ? join(this.folder(), `${jobId}.${spec.format}`) : null;
    const file = new AtomicFile(targetPath ?? downloadPath!, downloadPath ? { shownAs: fileName } : {});
    const job: Job = {
      status: { jobId, state: 'running', done: 0, total: 0, phase: 'Starting', fileName },
      file,
      worker: null,
      printing: null,
      downloadPath,
    };
    this.jobs.set(jobId, job);
    const task: WorkerTask = { planPath, nativeBinding: this.options.nativeBinding, spec, fd: file.fd };
    try {
      const entry = this.options.workerEntry ?? exportWorkerEntry();
      job.worker = new Worker(entry, { workerData: task, name: `export ${jobId}` });
    } catch (e) {
      this.fail(job, e);
      return this.status(jobId);
    }
    const worker = job.worker;
    worker.on('message', (m: WorkerReply) => this.onMessage(job, m));
    worker.on('error', (e) => this.fail(job, e));
    worker.on('exit', (code) => {
      job.worker = null;
      if (job.status.state === 'running' && job.printing === null) this.fail(job, new Error(`the export stopped (exit code ${code})`));
    });
    return this.status(jobId);
  }

  status(jobId: string): ExportJobStatus {
    return { ...this.job(jobId).status };
  }

  /** Stops a running job and removes its part file; a finished job is left as it is. */
  async cancel(jobId: string): Promise<ExportJobStatus> {
    const job = this.job(jobId);
    if (job.status.state === 'running') {
      job.status = { ...job.status, state: 'cancelled', phase: 'Cancelled' };
      this.ended(job);
      await this.stop(job);
    }
    return this.status(jobId);
  }

  /** A finished download-only job's file, for the web host's download route. */
  download(jobId: string): { path: string; fileName: string; bytes: number } | null {
    const job = this.jobs.get(jobId);
    if (!job || job.status.state !== 'done' || !job.downloadPath || !existsSync(job.downloadPath)) return null;
    return { path: job.downloadPath, fileName: job.status.fileName, bytes: job.status.bytes ?? 0 };
  }

  /** Stops every running job and removes the download folder: the host is closing. */
  async dispose(): Promise<void> {
    await Promise.all(
      [...this.jobs.values()].map((job) => {
        if (job.status.state === 'running') job.status = { ...job.status, state: 'cancelled', phase: 'Cancelled' };
        return this.stop(job);
      }),
    );
    this.jobs.clear();
    this.finished = [];
    if (this.downloadDir) rmSync(this.downloadDir, { recursive: true, force: true });
    this.downloadDir = null;
  }

  /**
   * dispose() for a host that cannot wait (a backend closing, a process about to exit): every
   * part file and the download folder are gone when it returns. Workers are told to stop
   * without waiting; a job's descriptor closes once its worker is gone (or with the process),
   * so a late write of a worker still stopping lands in the removed file, never elsewhere.
   */
  abortAll(): void {
    for (const job of this.jobs.values()) {
      if (job.status.state === 'running') job.status = { ...job.status, state: 'cancelled', phase: 'Cancelled' };
      job.printing?.abort();
      job.file.discard();
      const worker = job.worker;
      job.worker = null;
      if (worker)
        void worker.terminate().then(
          () => job.file.closeDescriptor(),
          () => job.file.closeDescriptor(),
        );
      else job.file.closeDescriptor();
    }
    this.jobs.clear();
    this.finished = [];
    if (this.downloadDir) rmSync(this.downloadDir, { recursive: true, force: true });
    this.downloadDir = null;
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError('not-found', `There is no export ${jobId} (it may belong to an earlier start of TM Planner).`);
    return job;
  }

  private folder(): string {
    this.downloadDir ??= mkdtempSync(join(this.options.downloadRoot ?? tmpdir(), 'tm-planner-exports-'));
    return this.downloadDir;
  }

  private onMessage(job: Job, m: WorkerReply): void {
    if (job.status.state !== 'running') return;
    switch (m.type) {
      case 'progress':
        job.status = { ...job.status, done: m.done, total: m.total, phase: m.phase };
        return;
      case 'written':
        return this.finish(job);
      case 'html':
        return void this.print(job, m.html);
      case 'failed':
        if (m.stack) console.error('[export]', m.stack);
        return this.fail(job, new Error(m.message));
    }
  }

  private async print(job: Job, html: string): Promise<void> {
    const printing = new AbortController();
    job.printing = printing;
    job.status = { ...job.status, phase: 'Printing the PDF' };
    try {
      const printPdf = this.options.printPdf ?? defaultPrinter;
      const pdf = await printPdf(html, printing.signal);
      if (job.status.state !== 'running') return;
      let off = 0;
      while (off < pdf.length) off += writeSync(job.file.fd, pdf, off, pdf.length - off);
      this.finish(job);
    } catch (e) {
      if (job.status.state === 'running') this.fail(job, e);
    } finally {
      job.printing = null;
    }
  }

  private finish(job: Job): void {
    try {
      const bytes = job.file.commit();
      job.status = {
        ...job.status,
        state: 'done',
        done: job.status.total,
        phase: 'Done',
        bytes,
        ...(job.downloadPath ? { downloadUrl: downloadUrlOf(job.status.jobId) } : {}),
      };
    } catch (e) {
      return this.fail(job, e);
    }
    this.ended(job);
    if (job.downloadPath) {
      const path = job.downloadPath;
      // unref: a kept download never holds a closing process open.
      setTimeout(() => rmSync(path, { force: true }), this.options.downloadKeptMs ?? DOWNLOAD_KEPT_MS).unref();
    }
  }

  /** Counts a job as finished and forgets the oldest finished ones beyond the kept number, with their files. */
  private ended(job: Job): void {
    this.finished.push(job.status.jobId);
    const kept = this.options.finishedKept ?? FINISHED_JOBS_KEPT;
    while (this.finished.length > kept) {
      const old = this.jobs.get(this.finished.shift()!);
      if (!old) continue;
      this.jobs.delete(old.status.jobId);
      if (old.downloadPath) rmSync(old.downloadPath, { force: true });
    }
  }

  private fail(job: Job, e: unknown): void {
    if (job.status.state !== 'running') return;
    let message = e instanceof Error ? e.message : String(e);
    // A download's temporary folder is this process's own: messages name the file, never that folder.
    if (job.downloadPath) {
      for (const path of [job.file.partPath, job.downloadPath]) message = message.replaceAll(path, job.status.fileName);
      if (this.downloadDir) message = message.replaceAll(this.downloadDir, 'a temporary folder');
    }
    job.status = { ...job.status, state: 'failed', phase: 'Failed', error: `The export failed: ${message.replace(/\.$/, '')}.` };
    this.ended(job);
    void this.stop(job);
  }

  /** Ends the worker (and any Chromium printing) before the descriptor is closed, so no late write lands elsewhere. */
  private async stop(job: Job): Promise<void> {
    job.printing?.abort();
    const worker = job.worker;
    job.worker = null;
    if (worker) await worker.terminate();
    job.file.abort();
  }
}

async function defaultPrinter(html: string, signal: AbortSignal): Promise<Uint8Array> {
  const { printHtmlToPdf, REPORT_PDF_ALTERNATIVE } = await import('./pdf');
  return printHtmlToPdf(html, process.env, { signal, alternative: REPORT_PDF_ALTERNATIVE });
}

/**
 * The worker's entry in each runtime: from sources (a .ts module: the web host under tsx,
 * tests, the bench) a bootstrap that registers tsx; in a bundle (electron-vite's
 * out/main, the CLI's out/cli) the bundled export-worker.js next to the entry, whichever
 * folder this module's chunk landed in.
 */
export function exportWorkerEntry(here: string = import.meta.url): URL {
  if (/\.tsx?$/.test(new URL(here).pathname)) return new URL('./export-worker-boot.mjs', here);
  // In the packaged app the backend runs from app.asar, whose files only Electron's fs can
  // read; the worker's loader is Node's, so it starts from the unpacked copy (electron-builder.yml).
  const dir = unpackedAsar(dirname(fileURLToPath(here)));
  for (const candidate of [join(dir, 'export-worker.js'), join(dir, '..', 'export-worker.js')]) {
    if (existsSync(candidate)) return pathToFileURL(candidate);
  }
  throw new Error(`the export worker (export-worker.js) is missing next to ${fileURLToPath(here)}`);
}

/** `…/app.asar/out/main` -> `…/app.asar.unpacked/out/main`; any other folder as it is. */
export function unpackedAsar(dir: string): string {
  return dir.replace(/([\\/])app\.asar(?=[\\/]|$)/, '$1app.asar.unpacked');
}
