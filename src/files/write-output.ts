import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../util/user-error.ts';

/**
 * Writes a command's `-o FILE` output. A file the system refuses is one line naming the problem and the fix
 * (most often a folder that does not exist yet), never a raw ENOENT.
 */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const folder = dirname(resolve(path));
    const reason =
      code === 'ENOENT'
        ? `the folder ${folder} does not exist: create it first (mkdir -p ${folder}) or write elsewhere`
        : code === 'EACCES' || code === 'EPERM'
          ? `no permission to write there: choose another place`
          : code === 'EISDIR'
            ? `it is a folder: name a file in it`
            : `${code ?? (error instanceof Error ? error.message : String(error))}`;
    throw new UserError(`Cannot write ${path}: ${reason}`);
  }
}
