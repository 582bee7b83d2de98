/**
 * Find the input documents named on the command line: files as given, directories walked for
 * `.md` and `.txt`, symlink loops and unreadable folders reported instead of followed forever.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** An input that could not be listed, with the reason. */
export interface ListingProblem {
  path: string;
  reason: string;
}

/** Extensions of documents inside directories. */
export const DOCUMENT_EXTENSION = /\.(?:md|markdown|txt)$/i;

/**
 * Collect document paths, in a stable order.
 *
 * @param inputs Paths from the command line (`-` is stdin and is not listed here).
 * @returns Paths of documents and the problems met.
 */
export async function collectInputs(inputs: readonly string[]): Promise<{ files: string[]; problems: ListingProblem[] }> {
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      problems.push({ path: dir, reason: describe(error) });
      return;
    }
    if (visited.has(real)) {
      problems.push({ path: dir, reason: 'Unexpected directory seen before (a symlink loop), expected a tree: skipped' });
      return;
    }
    visited.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, reason: describe(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) {
        try {
          const info = await stat(path);
          if (info.isDirectory()) await walk(path);
          else if (DOCUMENT_EXTENSION.test(entry.name)) files.push(path);
        } catch (error) {
          problems.push({ path, reason: describe(error) });
        }
      } else if (entry.isFile() && DOCUMENT_EXTENSION.test(entry.name)) files.push(path);
    }
  };
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      const info = await stat(input);
      if (info.isDirectory()) await walk(input);
      else files.push(input);
    } catch (error) {
      problems.push({ path: input, reason: describe(error) });
    }
  }
  return { files, problems };
}

/**
 * A file-system error as a sentence a user can act on.
 *
 * @param error The error.
 * @returns The reason.
 */
export function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String(error.code);
    const reasons: Record<string, string> = {
      ENOENT: 'No such file or directory',
      EACCES: 'Permission denied',
      EPERM: 'Operation not permitted',
      ELOOP: 'Too many levels of symbolic links (a symlink loop)',
      EISDIR: 'Is a directory, expected a file',
      ENOTDIR: 'A part of the path is not a directory',
      ENOSPC: 'No space left on the device',
      EROFS: 'Read-only file system',
      EMFILE: 'Too many open files',
    };
    return `${reasons[code] ?? 'File-system error'} (${code})`;
  }
  return error instanceof Error ? error.message : String(error);
}
