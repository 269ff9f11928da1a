import { readFileSync, writeFileSync } from 'node:fs';
import { ApiError } from '../../shared/api/errors';

/** A file's text, refused with `notUtf8` when it is not UTF-8 (never guessed at in another encoding). */
export function readUtf8(file: string, notUtf8: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ApiError('not-found', code === 'ENOENT' ? `There is no file ${file}.` : `${file} could not be read (${code ?? String(e)}).`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError('invalid-input', notUtf8);
  }
}

export function writeOut(file: string, data: string | Buffer): void {
  try {
    writeFileSync(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ApiError(
      'invalid-input',
      code === 'ENOENT' ? `The folder of ${file} does not exist.` : `${file} could not be written (${code ?? String(e)}).`,
    );
  }
}
