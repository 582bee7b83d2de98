/**
 * Write output files atomically: to a temporary file next to the target, then rename, so that no
 * half-written file is ever left behind. A run killed before its rename (`kill -9`) leaves its
 * temporary files; they carry the run's process id, so the next run can tell them apart and remove them.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

let counter = 0;

/**
 * The name of a temporary file of this run: `json/x.json.4711.3.tmp` (target, process id, counter).
 *
 * @param path Target path.
 * @returns A path next to it that no other write of any run uses.
 */
export function temporaryPath(path: string): string {
  counter++;
  return `${path}.${process.pid}.${counter}.tmp`;
}

/**
 * A temporary file of a run, as `temporaryPath` names them (and as earlier versions named the CSV
 * tables' ones): `documents.csv.4711.3.tmp`, `documents.csv.4711.tmp`. Group 1 is the process id.
 */
export const TEMPORARY_NAME = /^[^/]+\.(?:json|jsonld|csv|html|ndjson|sqlite)\.(\d{1,10})(?:\.\d{1,10})?\.tmp$/;

/**
 * Whether a process runs: a temporary file of a live run (a parallel run into the same folder) stays.
 *
 * @param pid The process id.
 * @returns True when it runs (or cannot be asked).
 */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !(error && typeof error === 'object' && 'code' in error && error.code === 'ESRCH');
  }
}

/**
 * Remove the temporary files that runs which died left in the given folders.
 *
 * @param dirs Folders to look in (missing ones are skipped); not walked further down.
 * @returns The paths removed.
 */
export async function removeDeadTemporaries(dirs: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const pid = TEMPORARY_NAME.exec(name)?.[1];
      if (pid === undefined || running(Number(pid))) continue;
      await rm(join(dir, name), { force: true });
      removed.push(join(dir, name));
    }
  }
  return removed;
}

/**
 * Write a file atomically.
 *
 * @param path Target path.
 * @param content Its content.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  if (!madeDirectories.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeDirectories.add(dir);
  }
  const temporary = temporaryPath(path);
  try {
    try {
      await writeFile(temporary, content);
    } catch (error) {
      // The folder was removed since it was made: make it again, once.
      if (!(error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT')) throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(temporary, content);
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Folders `writeAtomic` made or found in this process: a batch writes hundreds of files into each. */
const madeDirectories = new Set<string>();
