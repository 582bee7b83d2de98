/**
 * The manifest of an output folder (`<out>/manifest.json`): which run the folder holds, so that it
 * holds exactly one. It names the inputs (with their SHA-256), the outputs, the formats and the
 * version; it is deterministic (no timestamps, sorted), so that `git diff` of a folder shows changes only.
 *
 * A run into a folder first writes a journal manifest (`complete: false`) whose outputs are the last
 * run's and all this run may write; at the end it removes what the journal lists and this run did not
 * write, then writes its own manifest. A run that dies leaves the journal, so the next one still knows
 * every file a run wrote there; a file no manifest lists is never removed.
 */
import { readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { writeAtomic } from './write.js';

/** The file name of the manifest inside an output folder. */
export const MANIFEST_NAME = 'manifest.json';

/** One input document of a run. */
export interface ManifestInput {
  /** The path as given (or as found below a folder given). */
  path: string;
  /** The output stem: `json/<document>.json`, the `document` column of the tables. */
  document: string;
  /** SHA-256 of the input bytes. */
  sha256: string;
}

/** What a run wrote into an output folder. */
export interface Manifest {
  tool: 'drucksache';
  /** Version of the package that wrote the folder. */
  version: string;
  /** Version of the JSON output format. */
  schemaVersion: string;
  /** False while the run is going on (or after it died). */
  complete: boolean;
  /** Output forms asked for, in the documented order. */
  formats: string[];
  /** The CSV delimiter, where CSV was written. */
  csvDelimiter?: string;
  /** Documents extracted, in output order. */
  inputs: ManifestInput[];
  /** Inputs that failed, with the reason. */
  failed: Array<{ path: string; reason: string }>;
  /** Files written, relative to the folder, `/`-separated, sorted. */
  outputs: string[];
}

/**
 * Whether a manifest's output path stays inside the folder (a manifest is data and could be edited).
 *
 * @param path A relative path from a manifest.
 * @returns True when it names a file below the folder.
 */
export function isInside(path: string): boolean {
  if (path === '' || isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  const normal = normalize(path);
  return normal === path.split('/').join(sep) && !normal.startsWith('..') && normal !== MANIFEST_NAME;
}

/**
 * Read the manifest of a folder.
 *
 * @param out The output folder.
 * @returns The manifest, or undefined where there is none or it is not ours.
 */
export async function readManifest(out: string): Promise<Manifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(out, MANIFEST_NAME), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || !('tool' in value) || value.tool !== 'drucksache' || !('outputs' in value) || !Array.isArray(value.outputs)) return undefined;
    const outputs = value.outputs.filter((path): path is string => typeof path === 'string' && isInside(path));
    return { ...(value as Manifest), outputs };
  } catch {
    return undefined;
  }
}

/**
 * The manifest as written: two-space JSON with a final line feed.
 *
 * @param manifest The manifest.
 * @returns Its text.
 */
export function manifestText(manifest: Manifest): string {
  return `${JSON.stringify(manifest, undefined, 2)}\n`;
}

/**
 * Write a manifest atomically.
 *
 * @param out The output folder.
 * @param manifest The manifest.
 */
export async function writeManifest(out: string, manifest: Manifest): Promise<void> {
  await writeAtomic(join(out, MANIFEST_NAME), manifestText(manifest));
}

/**
 * Sorted, without repeats.
 *
 * @param paths Paths.
 * @returns The set, sorted by code unit.
 */
export function sortedSet(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Remove the files an earlier run wrote that this run did not, and the folders that leaves empty.
 *
 * @param out The output folder.
 * @param earlier Outputs of the earlier run (or journal).
 * @param now Outputs of this run.
 * @returns The relative paths removed.
 */
export async function removeStale(out: string, earlier: readonly string[], now: readonly string[]): Promise<string[]> {
  const keep = new Set(now);
  const removed: string[] = [];
  const parents = new Set<string>();
  for (const path of earlier) {
    if (keep.has(path) || !isInside(path)) continue;
    await rm(join(out, path), { force: true });
    removed.push(path);
    for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) parents.add(dir);
  }
  // Deepest first; a folder that still holds anything (a user's file, say) stays.
  for (const dir of [...parents].sort((a, b) => b.length - a.length)) {
    try {
      await rmdir(join(out, dir));
    } catch {
      // Not empty, or gone: leave it.
    }
  }
  return removed;
}
