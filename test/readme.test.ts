/**
 * The README stays true: its API example prints what it says, and every CSV column is documented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvTableNames, csvTables, extract } from '../src/index.js';

const root = new URL('..', import.meta.url).pathname;
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('README', () => {
  it('shows the output of its API example', () => {
    const { document } = extract(readFileSync(`${root}input/bt21-1344.txt`), { path: 'input/bt21-1344.txt' });
    const printed = [
      `${document.questions.length} ${document.answers.map((a) => a.questions.join('+')).join(' ')}`,
      JSON.stringify(document.answers[1]?.references[0]),
      JSON.stringify(document.amounts[0]),
    ].join('\n');
    expect(readme).toContain(`prints\n\n\`\`\`\n${printed}\n\`\`\``);
  });

  it.each(csvTableNames)('documents every column of csv/%s.csv', (table) => {
    const section = readme.slice(readme.indexOf(`#### \`csv/${table}.csv\``));
    for (const column of csvTables[table].columns) expect(section).toContain(`| \`${column.key}\` |`);
  });
});
