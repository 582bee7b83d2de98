/**
 * The built command line for tests that run it as users do: `dist/` rebuilt once where a source is newer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Whether any source is newer than its build output (or has none).
 *
 * @returns True when `dist/` must be rebuilt.
 */
function distIsStale(): boolean {
  for (const dir of ['src', 'pipeline']) {
    for (const name of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(?:ts|json)$/.test(name) || name.endsWith('.d.ts')) continue;
      const built = join(root, 'dist', dir, name.replace(/\.ts$/, '.js'));
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(root, dir, name)).mtimeMs) return true;
    }
  }
  return false;
}

/** Build `dist/` where it is older than its sources; throws with the compiler's output when the build fails. */
export function ensureBuilt(): void {
  if (!distIsStale()) return;
  const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`Unexpected failure of the build, expected dist/ to be built:\n${build.stdout}${build.stderr}`);
}
