/**
 * Marks in a section's text: records located by their text, crossings resolved, the text rendered
 * with nested `<mark>` elements.
 */
import type { Position } from '../../model.js';
import { escapeXml as escape } from './network.js';

/** A run of white space: matches ` ` and `\n  ` in `Bundes-\n  regierung`. */
const whitespaceRunPattern = /\s+/g;

/** Kinds of marks, with their class names and rank (higher wins where marks cross). */
const markKinds = {
  entity: { rank: 5 },
  amount: { rank: 4 },
  date: { rank: 3 },
  reference: { rank: 2 },
  source: { rank: 1 },
} as const;

type MarkKind = keyof typeof markKinds;

/** A mark to place in a section text, before crossings are resolved. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: MarkKind;
  /** Opening tag for the first fragment and for continuations. */
  readonly open: (continuation: boolean) => string;
  readonly close: string;
}

/** A placed piece of a mark. */
interface Fragment {
  readonly start: number;
  readonly end: number;
  readonly mark: Mark;
  readonly continuation: boolean;
}

/** A record to be marked: its text and where it was printed. */
export interface Located {
  readonly text: string;
  readonly position: Position;
}

/** White space collapsed to one space, with the index in the original text of every character. */
interface Collapsed {
  readonly text: string;
  /** `index[i]` is the original index of `text[i]`; one more entry for the end. */
  readonly index: Int32Array;
}

/**
 * Collapse runs of white space into one space, remembering where each character came from.
 *
 * @param text The text.
 * @returns The collapsed text and its index.
 */
export function collapse(text: string): Collapsed {
  const index = new Int32Array(text.length + 1);
  let out = '';
  let length = 0;
  let last = 0;
  for (const match of text.matchAll(whitespaceRunPattern)) {
    for (let i = last; i < match.index; i += 1) index[length++] = i;
    index[length++] = match.index;
    out += `${text.slice(last, match.index)} `;
    last = match.index + match[0].length;
  }
  for (let i = last; i < text.length; i += 1) index[length++] = i;
  index[length] = text.length;
  return { text: out + text.slice(last), index };
}

/**
 * Find records in a section text: in document order, each at or after the previous one (strictly
 * after unless the two start at the same printed place, so that repeated words land on successive
 * occurrences), white space compared loosely.
 *
 * @param section The section text, collapsed.
 * @param records The records of this section.
 * @returns For each record (in the given order) its range in the original section text, or undefined.
 */
export function locateRecords(section: Collapsed, records: readonly Located[]): ({ start: number; end: number } | undefined)[] {
  const order = records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => a.record.position.start.offset - b.record.position.start.offset || b.record.position.end.offset - a.record.position.end.offset || a.index - b.index);
  const found: ({ start: number; end: number } | undefined)[] = records.map(() => undefined);
  let previous: { offset: number; at: number } | undefined;
  for (const { record, index } of order) {
    const needle = record.text.trim().replace(whitespaceRunPattern, ' ');
    if (needle === '') continue;
    const from = previous === undefined ? 0 : record.position.start.offset === previous.offset ? previous.at : previous.at + 1;
    let at = section.text.indexOf(needle, from);
    if (at < 0) at = section.text.lastIndexOf(needle, from);
    if (at < 0) continue;
    previous = { offset: record.position.start.offset, at };
    found[index] = { start: section.index[at] ?? 0, end: (section.index[at + needle.length - 1] ?? 0) + 1 };
  }
  return found;
}

/** Width of the buckets that index placed fragments by position. */
const bucketWidth = 64;

/**
 * Place marks so that they nest: a mark that crosses one of higher rank is cut at its boundary.
 * Placed fragments are indexed in buckets by position: a fragment crossing `[a, b)` contains `a` or
 * `b`, so only the buckets of those two points are searched.
 *
 * @param marks The marks.
 * @returns Non-crossing fragments.
 */
function resolveCrossings(marks: readonly Mark[]): Fragment[] {
  const ordered = [...marks].sort((a, b) => markKinds[b.kind].rank - markKinds[a.kind].rank || a.start - b.start || b.end - a.end);
  const placed: Fragment[] = [];
  const buckets = new Map<number, Fragment[]>();
  const crossingAt = (point: number, fragment: Fragment): Fragment | undefined =>
    buckets
      .get(Math.floor(point / bucketWidth))
      ?.find(
        (other) =>
          (other.start < fragment.start && fragment.start < other.end && other.end < fragment.end) ||
          (fragment.start < other.start && other.start < fragment.end && fragment.end < other.end),
      );
  for (const mark of ordered) {
    const queue: Fragment[] = [{ start: mark.start, end: mark.end, mark, continuation: false }];
    while (queue.length > 0) {
      const fragment = queue.shift();
      if (!fragment || fragment.end <= fragment.start) continue;
      const crossing = crossingAt(fragment.start, fragment) ?? crossingAt(fragment.end, fragment);
      if (!crossing) {
        placed.push(fragment);
        for (let bucket = Math.floor(fragment.start / bucketWidth); bucket <= Math.floor(fragment.end / bucketWidth); bucket += 1) {
          const list = buckets.get(bucket);
          if (list) list.push(fragment);
          else buckets.set(bucket, [fragment]);
        }
        continue;
      }
      const cut = crossing.start < fragment.start ? crossing.end : crossing.start;
      queue.unshift({ ...fragment, start: cut, continuation: true });
      queue.unshift({ ...fragment, end: cut });
    }
  }
  return placed;
}

/**
 * Render a section text with its marks as HTML (escaped text, nested mark elements).
 *
 * @param text The section text.
 * @param marks The marks.
 * @returns The HTML.
 */
export function renderMarked(text: string, marks: readonly Mark[]): string {
  const fragments = resolveCrossings(marks).sort((a, b) => a.start - b.start || b.end - a.end || markKinds[b.mark.kind].rank - markKinds[a.mark.kind].rank);
  let out = '';
  let at = 0;
  const stack: Fragment[] = [];
  const closeTo = (limit: number): void => {
    for (let top = stack.at(-1); top && top.end <= limit; top = stack.at(-1)) {
      out += escape(text.slice(at, top.end)) + top.mark.close;
      at = top.end;
      stack.pop();
    }
  };
  for (const fragment of fragments) {
    closeTo(fragment.start);
    out += escape(text.slice(at, fragment.start)) + fragment.mark.open(fragment.continuation);
    at = fragment.start;
    stack.push(fragment);
  }
  closeTo(Infinity);
  return out + escape(text.slice(at));
}

/**
 * Build an attribute list, escaping values.
 *
 * @param attributes Names and values; `undefined` leaves an attribute out, `''` writes it bare.
 * @returns ` name="value"…`.
 */
export function attributes(attributes: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escape(value)}"`))
    .join('');
}

/**
 * A mark element that can be focused and tells its value in a tooltip.
 *
 * @param className Its classes.
 * @param tip What hovering or focusing shows.
 * @param extra More attributes.
 * @returns Opening tag builder and closing tag.
 */
export function markTag(className: string, tip: string, extra: Readonly<Record<string, string>> = {}): Pick<Mark, 'open' | 'close'> {
  return {
    open: (continuation) =>
      `<mark${attributes({ class: className, ...extra, title: tip, tabindex: continuation ? undefined : '0', 'data-cont': continuation ? '' : undefined })}>`,
    close: '</mark>',
  };
}
