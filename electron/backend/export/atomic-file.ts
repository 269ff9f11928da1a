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

  constructor(readonly target: string) {
    this.partPath = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.part`);
    try {
      this.fd = openSync(this.partPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    } catch (e) {
      throw writeError(target, e);
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
      closeSync(this.fd);
      const bytes = statSync(this.partPath).size;
      renameSync(this.partPath, this.target);
      return bytes;
    } catch (e) {
      rmSync(this.partPath, { force: true });
      throw writeError(this.target, e);
    }
  }

  /** Closes and removes the part file; the target is left as it was. Safe to call twice. */
  abort(): void {
    if (this.finished) return;
    this.finished = true;
    try {
      closeSync(this.fd);
    } catch {
      // Already closed by a failed commit.
    }
    rmSync(this.partPath, { force: true });
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

/** A file-system failure as a sentence naming the file and the cause. */
export function writeError(target: string, e: unknown): ApiError {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOENT: `the folder ${dirname(target)} does not exist`,
    ENOTDIR: `${dirname(target)} is not a folder`,
    EACCES: 'permission was denied',
    EPERM: 'permission was denied',
    ENOSPC: 'the disk is full',
    EROFS: 'the disk is read-only',
    EISDIR: 'it is a folder',
  };
  return new ApiError('invalid-input', `${target} could not be written: ${(code && why[code]) ?? code ?? String(e)}.`);
}
