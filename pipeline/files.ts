/**
 * Find the input documents named on the command line: files as given, directories walked for
 * `.md` and `.txt`, the same file or folder named twice read once, symlink loops and unreadable
 * folders reported instead of followed forever, and a folder without any document named.
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

/** The extensions of `DOCUMENT_EXTENSION` as a user reads them. */
export const DOCUMENT_EXTENSIONS_TEXT = '`.md`, `.markdown` or `.txt`';

/**
 * The real path of a file or folder, or the path itself where it has none (it is reported elsewhere).
 *
 * @param path The path.
 * @returns Its real path.
 */
async function realOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * Collect document paths, in a stable order.
 *
 * @param inputs Paths from the command line (`-` is stdin and is not listed here).
 * @returns Paths of documents (each real file once, under the first name it was met by) and the problems met.
 */
export async function collectInputs(inputs: readonly string[]): Promise<{ files: string[]; problems: ListingProblem[] }> {
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  const seenFiles = new Set<string>();
  const walked = new Set<string>();
  const addFile = async (path: string): Promise<void> => {
    const real = await realOf(path);
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    files.push(path);
  };
  // `ancestors` holds the real paths of the folders above: meeting one again is a loop; meeting a
  // folder walked before on another route (named twice, two links to it) is not, and it is read once.
  const walk = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let real: string;
    try {
      real = await realpath(dir);
    } catch (error) {
      problems.push({ path: dir, reason: describe(error) });
      return;
    }
    if (ancestors.has(real)) {
      problems.push({ path: dir, reason: 'Unexpected directory seen before (a symlink loop), expected a tree: skipped' });
      return;
    }
    if (walked.has(real)) return;
    walked.add(real);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, reason: describe(error) });
      return;
    }
    const below = new Set(ancestors).add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, below);
      else if (entry.isSymbolicLink()) {
        try {
          const info = await stat(path);
          if (info.isDirectory()) await walk(path, below);
          else if (DOCUMENT_EXTENSION.test(entry.name)) await addFile(path);
        } catch (error) {
          problems.push({ path, reason: describe(error) });
        }
      } else if (entry.isFile() && DOCUMENT_EXTENSION.test(entry.name)) await addFile(path);
    }
  };
  for (const input of inputs) {
    if (input === '-') continue;
    try {
      const info = await stat(input);
      if (info.isDirectory()) {
        const real = await realOf(input);
        if (walked.has(real)) continue;
        const before = files.length;
        const problemsBefore = problems.length;
        await walk(input, new Set());
        if (files.length === before && problems.length === problemsBefore) {
          problems.push({ path: input, reason: `Unexpected directory without documents, expected ${DOCUMENT_EXTENSIONS_TEXT} files in it or its sub-folders` });
        }
      } else await addFile(input);
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
