import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type WriteStream,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ApiError } from '../../../shared/api/errors';

/**
 * A file written beside its target under a hidden temporary name (`.name.xlsx.<random>.part`)
 * and renamed into place only once it is complete and on disk: whoever opens the target sees
 * the old file or the whole new one, and a cancelled or failed export leaves nothing behind.
 * The descriptor is opened here, so a writer that dies (a terminated worker thread) cannot
 * keep it: `abort` closes it and removes the part file.
 */
export class AtomicFile {
  readonly partPath: string;
  readonly fd: number;
  private finished = false;
  // Closed once only: a descriptor's number is reused by the next file opened, anywhere in the process.
  private open = true;

  /**
   * `o.shownAs` names the file in messages instead of its path: a download kept in a
   * temporary folder is the user's `tm-planner-costs-….xlsx`, and the folder is nobody's business.
   */
  constructor(
    readonly target: string,
    private readonly o: { shownAs?: string } = {},
  ) {
    this.partPath = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
    try {
      this.fd = openSync(this.partPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    } catch (e) {
      throw writeError(target, e, o.shownAs);
    }
  }

  /** A stream over the descriptor that never closes it: commit and abort decide its end. */
  stream(): WriteStream {
    return createWriteStream('', { fd: this.fd, autoClose: false, emitClose: false });
  }

  /** Flushes the part file to disk and renames it over the target; returns its size. */
  commit(): number {
    if (this.finished) throw new Error('This file is already finished.');
    this.finished = true;
    try {
      fsyncSync(this.fd);
      this.closeDescriptor();
      const bytes = statSync(this.partPath).size;
      renameSync(this.partPath, this.target);
      return bytes;
    } catch (e) {
      this.closeDescriptor();
      rmSync(this.partPath, { force: true });
      throw writeError(this.target, e, this.o.shownAs);
    }
  }

  /** Closes and removes the part file; the target is left as it was. Safe to call twice. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.closeDescriptor();
    rmSync(this.partPath, { force: true });
  }

  /**
   * Removes the part file at once but keeps the descriptor open until closeDescriptor():
   * for a writer that is being stopped but may not be gone yet (a worker thread being
   * terminated), whose late write must land in this unlinked file, never in whatever file
   * the descriptor number is reused for.
   */
  discard(): void {
    if (this.finished) return;
    this.finished = true;
    rmSync(this.partPath, { force: true });
  }

  /** Closes the descriptor (the one a discard() left open); safe to call twice. */
  closeDescriptor(): void {
    if (!this.open) return;
    this.open = false;
    try {
      closeSync(this.fd);
    } catch {
      // A failing close (EIO) leaves nothing to do: the file is committed or removed regardless.
    }
  }
}

/** Writes `data` to `target` through an AtomicFile. */
export function writeFileAtomic(target: string, data: string | Uint8Array): number {
  const f = new AtomicFile(target);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSome(f.fd, bytes, off);
    return f.commit();
  } catch (e) {
    f.abort();
    throw e instanceof ApiError ? e : writeError(target, e);
  }
}

// writeSync may write less than asked (full disks, signals): the loop above writes the rest.
const writeSome = (fd: number, bytes: Uint8Array, offset: number): number => writeSync(fd, bytes, offset, bytes.length - offset);

/** A file-system failure as a sentence naming the file (its path, or `shownAs` when given) and the cause. */
export function writeError(target: string, e: unknown, shownAs?: string): ApiError {
  const code = (e as NodeJS.ErrnoException).code;
  const folder = shownAs === undefined ? dirname(target) : null;
  const why: Record<string, string> = {
    ENOENT: folder ? `the folder ${folder} does not exist` : 'its temporary folder is gone',
    ENOTDIR: folder ? `${folder} is not a folder` : 'its temporary folder is gone',
    EACCES: 'permission was denied',
    EPERM: 'permission was denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    EISDIR: 'it is a folder',
  };
  // Without a code the cause's own text may name the path: a shown name keeps only the code.
  const cause = (code && why[code]) ?? code ?? (shownAs === undefined ? String(e) : 'the file system refused it');
  return new ApiError('invalid-input', `${shownAs ?? target} could not be written: ${cause}.`);
}
