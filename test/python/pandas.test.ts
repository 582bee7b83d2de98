/**
 * The README's pandas recipe on the real collection: the bulk answers in `../shared/bulk` are
 * extracted into SQLite, and the recipe's Python line runs under the system's Python with pandas
 * (Debian's `python3-pandas`: `apt-get install python3-pandas`; `.ci/run` installs it). Apart from
 * `npm test` because pandas does not come with npm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExtract } from '../../pipeline/run.js';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const out = mkdtempSync(join(tmpdir(), 'drucksache-pandas-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The Python of the README's fenced `python` blocks that read `output/drucksache.sqlite`. */
const recipes = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').filter((code) => code.includes('drucksache.sqlite'));

describe('the README pandas recipe on ../shared/bulk', () => {
  beforeAll(async () => {
    expect(await runExtract([join(root, '..', 'shared', 'bulk')], { out, format: ['sqlite'], csvDelimiter: ',', quiet: true, jobs: 1 })).toBe(0);
  }, 600_000);

  it('reads the entities into a data frame whose first row is an entity named in many papers', () => {
    expect(recipes).toHaveLength(1);
    const code = `${(recipes[0] ?? '').replaceAll("'output/", `'${out}/`)}\nimport json\nprint(json.dumps(entities.head(1).values.tolist()))`;
    const printed = execFileSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8' });
    const [[key, papers]] = JSON.parse(printed) as [[string, number]];
    expect(key).toMatch(/^(?:organization|person|place|other):/);
    expect(papers).toBeGreaterThan(100);
  });
});
