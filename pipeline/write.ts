/**
 * Write output files atomically: to a temporary file next to the target, then rename, so that no
 * half-written file is ever left behind.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let counter = 0;

/**
 * Write a file atomically.
 *
 * @param path Target path.
 * @param content Its content.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  counter++;
  const temporary = `${path}.${process.pid}.${counter}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
