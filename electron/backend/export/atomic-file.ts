import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A temporary name beside the target: same folder, so the final rename never crosses devices. */
export function partPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.part`);
}

/**
 * Writes the whole file or nothing: bytes go to a temporary file beside the target, are
 * flushed to disk, and only then renamed over it, so a reader (or a crash) never sees half.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const part = partPath(target);
  try {
    const handle = await fs.open(part, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(part, target);
  } catch (err) {
    await fs.rm(part, { force: true });
    throw err;
  }
}
