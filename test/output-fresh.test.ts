/**
 * `output/` holds the example: what `npm start` makes of `input/`, committed so that a behaviour
 * change always shows up as a diff of `output/`. Its manifest says which run the folder holds.
 *
 * Users may write into `output/` too (it is the default `--out`): then its manifest names another
 * run, and the example is checked where it is committed. So the check compares the fresh example
 * run with `output/` whenever `output/manifest.json` says the folder holds the example run, and
 * fails when the committed manifest (unchanged since the last commit) names another run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtract } from '../pipeline/run.js';
import type { Manifest } from '../pipeline/manifest.js';

const root = new URL('..', import.meta.url).pathname;

/** The output forms `npm start` asks for, read from package.json so the two cannot drift. */
function startFormats(): Array<'json' | 'csv' | 'jsonld' | 'html' | 'sqlite'> {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const list = /--format (\S+)/.exec(scripts.start ?? '')?.[1] ?? 'json,csv,jsonld';
  return list.split(',') as Array<'json' | 'csv' | 'jsonld' | 'html' | 'sqlite'>;
}

/** Every file under a directory, relative, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

/**
 * Whether `output/manifest.json` is as committed (git says it has no change since HEAD); without
 * git, a checkout is taken to be as committed.
 *
 * @returns True when unchanged.
 */
function manifestAsCommitted(): boolean {
  const diff = spawnSync('git', ['diff', '--quiet', 'HEAD', '--', 'output/manifest.json'], { cwd: root });
  return diff.status !== 1;
}

describe('output/', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'drucksache-output-'));
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('is what `npm start` makes of input/ where its manifest says it holds that run (run `npm start` to refresh it)', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const status = await runExtract(['input'], { out: fresh, format: startFormats(), csvDelimiter: ',', quiet: true, jobs: 1 });
      expect(status).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const example = readFileSync(join(fresh, 'manifest.json'), 'utf8');
    const held = readFileSync(join(root, 'output', 'manifest.json'), 'utf8');
    if (held !== example) {
      // A user's own run into output/: fine in a working copy, never as committed.
      expect(manifestAsCommitted(), 'output/ as committed holds another run than the example: run npm start').toBe(false);
      expect((JSON.parse(held) as Manifest).tool).toBe('drucksache');
      return;
    }
    const expected = listFiles(join(root, 'output'));
    const actual = listFiles(fresh);
    expect(actual).toEqual(expected);
    for (const file of actual) {
      // The database is binary: compared byte for byte (SQLite writes the same bytes for the same rows).
      if (file.endsWith('.sqlite')) {
        expect(readFileSync(join(fresh, file)).equals(readFileSync(join(root, 'output', file))), `output/${file} is stale: run npm start`).toBe(true);
        continue;
      }
      expect(readFileSync(join(fresh, file), 'utf8'), `output/${file} is stale: run npm start`).toBe(readFileSync(join(root, 'output', file), 'utf8'));
    }
  });
});
