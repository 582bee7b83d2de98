/**
 * Atomic writes: the file appears whole or not at all, no temporary file stays, and a folder removed
 * between two writes of a batch is made again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TEMPORARY_NAME, temporaryPath, writeAtomic } from '../pipeline/write.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fresh folder for one test. */
function freshRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'drucksache-write-'));
  roots.push(root);
  return root;
}

describe('writeAtomic', () => {
  it('writes the content and leaves no temporary file', async () => {
    const root = freshRoot();
    await writeAtomic(join(root, 'json', 'a.json'), '{}\n');
    expect(readFileSync(join(root, 'json', 'a.json'), 'utf8')).toBe('{}\n');
    expect(readdirSync(join(root, 'json'))).toEqual(['a.json']);
  });

  it('makes the folder again when it was removed after an earlier write', async () => {
    const root = freshRoot();
    await writeAtomic(join(root, 'out', 'a.json'), 'eins');
    rmSync(join(root, 'out'), { recursive: true });
    await writeAtomic(join(root, 'out', 'b.json'), 'zwei');
    expect(readFileSync(join(root, 'out', 'b.json'), 'utf8')).toBe('zwei');
    expect(readdirSync(join(root, 'out'))).toEqual(['b.json']);
  });

  it('fails and leaves nothing where the target cannot be written', async () => {
    const root = freshRoot();
    await writeAtomic(join(root, 'x', 'a.json'), 'eins');
    // A folder where the file should go: the rename fails.
    await writeAtomic(join(root, 'x', 'b', 'c.json'), 'zwei');
    await expect(writeAtomic(join(root, 'x', 'b'), 'drei')).rejects.toThrow();
    expect(readdirSync(join(root, 'x')).sort()).toEqual(['a.json', 'b']);
  });
});

describe('temporaryPath', () => {
  it('names temporary files that the clean-up recognises, with this process id', () => {
    const name = temporaryPath('json/a.json').split('/').at(-1) ?? '';
    expect(TEMPORARY_NAME.exec(name)?.[1]).toBe(String(process.pid));
  });
});
