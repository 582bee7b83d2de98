/**
 * A readable report of one document (`html/<stem>.html`) and an index of the corpus (`html/index.html`).
 *
 * Every page is static and self-contained: styles and the small script are inline, pictures are inline
 * SVG, nothing is loaded from the network (a Content-Security-Policy that allows only the page's own
 * style and script, by hash, says so to the browser as well). All text from the input is escaped.
 *
 * A document page shows the header data, a summary (counts, the entities as buttons that highlight
 * their mentions, amounts per answer, sources), a picture (co-occurrence network and amounts per
 * answer), the preambles, questions and answers in printed order with entities, amounts, dates,
 * sources and references marked by type, and the messages (text cut out of the flow, text left over).
 *
 * Marks are placed by finding each record's `text` in its section's clean `text`: all records of a
 * section in document order, each at or after the one before (so repeated words land on successive
 * occurrences and records of one kind anchor the others), white space compared loosely.
 * Marks nest; where two cross, the one of lower rank (entity > amount > date > reference > source) is
 * cut in two, its continuation flagged `data-cont`.
 *
 * Pages link to each other by file name: the index links `<stem>.html`, a document page links
 * `index.html`, so both belong in one folder.
 */
import type { DrucksacheDocument, Entity, Message, Position } from '../../model.js';
import { amountsChartSvg, amountsPerAnswer, answerLabel, entityTypeColours, escapeXml as escape, formatMoney, networkSvg } from './network.js';
import { attributes } from './marks.js';
import { drucksacheLink, drucksacheNumberPattern, drucksacheUrl, furnitureLabels, safeUrl, severityLabels, sourceKindLabels, timeElement } from './format.js';
import { type Index, indexOf, referenceTarget, renderPreamble, sectionText } from './sections.js';
import { documentScript, indexScript, page } from './page.js';

/** What the index page needs of one document; small, so that a batch runner keeps only these in memory. */
export interface HtmlSummary {
  /** The input file stem; the page is `<stem>.html`. */
  readonly stem: string;
  /** The parliament. */
  readonly parliament: string | null;
  /** The document's own number, e.g. `21/1344`. */
  readonly number: string | null;
  /** The number of the Anfrage answered. */
  readonly answers: string | null;
  /** ISO date of the document. */
  readonly date: string | null;
  /** Title of the Anfrage. */
  readonly title: string | null;
  /** Parliamentary group that asked. */
  readonly faction: string | null;
  /** How many questions. */
  readonly questions: number;
  /** How many amounts. */
  readonly amounts: number;
  /** Sum of the amounts per currency, largest first. */
  readonly amountsTotal: readonly { readonly currency: string; readonly value: number }[];
  /** The most often mentioned entities (at most five). */
  readonly topEntities: readonly { readonly name: string; readonly type: Entity['type']; readonly mentions: number }[];
}

/** How many entities an index row names. */
const summaryEntityCount = 5;

/** How many entity buttons are shown before the rest is folded away. */
const visibleEntityCount = 12;


/**
 * Join words the German way: `a`, `a und b`, `a, b und c`.
 *
 * @param items The items.
 * @returns The list.
 */
function joinGerman(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1] ?? ''}`;
}

/**
 * The header of a document page.
 *
 * @param doc The document.
 * @returns The `header` element.
 */
function renderHeader(doc: DrucksacheDocument): string {
  const { meta } = doc;
  const kicker = [
    meta.parliament ? escape(meta.parliament) : undefined,
    meta.legislativePeriod === null ? undefined : `${meta.legislativePeriod}. Wahlperiode`,
    meta.drucksache ? `Drucksache ${drucksacheLink(meta.drucksache, meta.parliament)}` : undefined,
    meta.date ? timeElement(meta.date) : undefined,
  ].filter((part) => part !== undefined);
  const askers = meta.askers.map(
    (asker) =>
      `${escape([asker.title, asker.name].filter(Boolean).join(' '))}${asker.constituency ? ` <span class="muted">(${escape(asker.constituency)})</span>` : ''}${asker.faction ? ` <span class="muted">(${escape(asker.faction)})</span>` : ''}`,
  );
  const rows: [string, string][] = [];
  if (askers.length > 0) rows.push(['Fragesteller', joinGerman(askers)]);
  if (meta.faction) rows.push(['Fraktion', escape(meta.faction)]);
  if (meta.answersDrucksache) rows.push(['Anfrage', `Drucksache ${drucksacheLink(meta.answersDrucksache, meta.parliament)}`]);
  if (meta.respondent || meta.respondingBody) {
    rows.push(['Antwort', escape([meta.type === 'Antwort' ? undefined : meta.type, meta.respondent, meta.respondingBody ? `(${meta.respondingBody})` : undefined].filter(Boolean).join(' '))]);
  }
  if (meta.date) rows.push(['Datum', timeElement(meta.date)]);
  return (
    '<header class="masthead">' +
    `<p class="kicker">${kicker.join(' · ')}</p>` +
    `<h1>${escape(meta.title ?? 'Ohne Titel')}</h1>` +
    `<dl class="facts">${rows.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>` +
    '</header>'
  );
}

/**
 * The legend of the marks, with switches to show or hide each kind.
 *
 * @returns The HTML.
 */
function renderLegend(): string {
  const entityItems = (Object.keys(entityTypeColours) as Entity['type'][]).map(
    (type) => `<li><mark class="hl ent t-${type}">${escape(entityTypeColours[type].label)}</mark></li>`,
  );
  const toggles = [
    ['ent', 'Entitäten'],
    ['amt', 'Beträge'],
    ['date', 'Datumsangaben'],
    ['src', 'Quellen'],
  ]
    .map(([kind, label]) => `<label><input type="checkbox" checked data-kind="${kind}"> ${label}</label>`)
    .join('');
  return (
    '<div class="legend">' +
    '<h3 class="legend-title">Legende</h3>' +
    `<ul class="legend-items">${entityItems.join('')}` +
    '<li><mark class="hl amt">Betrag</mark></li><li><mark class="hl date">Datum</mark></li><li><mark class="hl src">Quelle</mark></li>' +
    '<li><a class="ref" href="#qa">Verweis auf eine Antwort</a></li></ul>' +
    `<fieldset class="toggles"><legend>Markierungen zeigen</legend>${toggles}</fieldset>` +
    '<p class="hint">Markierte Stellen zeigen beim Darüberfahren oder mit der Tabulatortaste den erkannten Wert.</p>' +
    '</div>'
  );
}

/**
 * The entity chooser: a button per entity (most often marked first), a live status line and a button
 * to jump to the next mention.
 *
 * @param index The lookups (marks already counted).
 * @returns The HTML.
 */
function renderEntityChooser(index: Index): string {
  const { doc } = index;
  if (doc.entities.length === 0) return '<p>Keine Entitäten erkannt.</p>';
  const ranked = doc.entities
    .map((entity, order) => ({ entity, order, count: index.entityMarks.get(entity.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || b.entity.mentions.length - a.entity.mentions.length || a.order - b.order);
  const button = ({ entity, count }: { entity: Entity; count: number }): string =>
    `<li><button type="button"${attributes({ class: `chip t-${entity.type}`, 'data-entity': entity.id, 'data-name': entity.name, 'data-count': String(count), 'aria-pressed': 'false', title: [entityTypeColours[entity.type].label, ...entity.aliases.map((alias) => `auch: ${alias}`)].join('; ') })}>${escape(entity.name)} <span class="count">${count}</span></button></li>`;
  const visible = ranked.slice(0, visibleEntityCount).map(button).join('');
  const rest = ranked.slice(visibleEntityCount);
  return (
    '<div class="entities">' +
    '<h3 id="entities-title">Meistgenannte Entitäten</h3>' +
    '<p class="hint">Wählen Sie eine Entität, um ihre Erwähnungen im Text hervorzuheben (Zahl: Erwähnungen im Text).</p>' +
    `<ul class="chips" aria-labelledby="entities-title">${visible}</ul>` +
    (rest.length > 0 ? `<details><summary>Alle ${ranked.length} Entitäten</summary><ul class="chips">${rest.map(button).join('')}</ul></details>` : '') +
    '<div class="entity-status-row"><p id="entity-status" role="status" aria-live="polite" data-count="0">Keine Entität gewählt.</p>' +
    '<button type="button" id="entity-next" hidden>Nächste Erwähnung</button></div>' +
    '</div>'
  );
}

/**
 * The table of amounts per answer with totals.
 *
 * @param doc The document.
 * @returns The HTML, or a sentence when there are none.
 */
function renderAmountsTable(doc: DrucksacheDocument): string {
  const rows = amountsPerAnswer(doc);
  const outside = doc.amounts.filter((amount) => !doc.answers.some((answer) => answer.id === amount.in)).length;
  if (rows.length === 0 && outside === 0) return '<h3>Beträge</h3><p>Keine Beträge genannt.</p>';
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.total);
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row"><a href="#${escape(row.answer)}">${escape(answerLabel(row.questions))}</a></th><td class="num">${row.count}</td><td class="num">${escape(formatMoney(row.total, row.currency))}</td></tr>`,
    )
    .join('');
  const foot = [...totals]
    .map(([currency, total]) => `<tr><th scope="row">Summe aller Antworten</th><td class="num">${rows.filter((row) => row.currency === currency).reduce((n, row) => n + row.count, 0)}</td><td class="num">${escape(formatMoney(total, currency))}</td></tr>`)
    .join('');
  return (
    '<h3>Beträge je Antwort</h3>' +
    (rows.length > 0
      ? `<div class="table-wrap" tabindex="0" role="group" aria-label="Beträge je Antwort"><table class="amounts"><caption class="visually-hidden">Summe der genannten Beträge je Antwort</caption><thead><tr><th scope="col">Antwort</th><th scope="col" class="num">Anzahl</th><th scope="col" class="num">Summe</th></tr></thead><tbody>${body}</tbody><tfoot>${foot}</tfoot></table></div>`
      : '') +
    (outside > 0 ? `<p class="hint">Dazu ${outside} ${outside === 1 ? 'Betrag' : 'Beträge'} außerhalb der Antworten (Vorbemerkungen, Fragen, Kopf).</p>` : '') +
    '<p class="hint">Summen der im Text genannten Beträge; bei Spannen zählt die Untergrenze. Teilbeträge und Gesamtbeträge können doppelt zählen.</p>'
  );
}

/**
 * The list of sources.
 *
 * @param index The lookups.
 * @returns The HTML.
 */
function renderSources(index: Index): string {
  const { doc } = index;
  if (doc.sources.length === 0) return '<h3>Quellen</h3><p>Keine Quellen genannt.</p>';
  const items = doc.sources.map((source) => {
    const url = safeUrl(source.url) ?? (source.kind === 'drucksache' && source.number ? drucksacheUrl(source.number, source.parliament ?? doc.meta.parliament) : undefined);
    const label = escape(source.text);
    const where = source.in === 'meta' ? 'Kopf' : `<a href="#${escape(source.in)}">${escape(index.sectionLabel.get(source.in) ?? source.in)}</a>`;
    return `<li><span class="tag">${sourceKindLabels[source.kind]}</span> ${url ? `<a href="${escape(url)}" rel="external noopener">${label}</a>` : label} <span class="muted">– ${where}</span></li>`;
  });
  return `<h3>Quellen</h3><ul class="sources">${items.join('')}</ul>`;
}

/**
 * The counts of a document.
 *
 * @param doc The document.
 * @returns A `dl`.
 */
function renderCounts(doc: DrucksacheDocument): string {
  const joint = doc.answers.filter((answer) => answer.questions.length > 1).length;
  const mentions = doc.entities.reduce((n, entity) => n + entity.mentions.length, 0);
  const counts: [string, string][] = [
    ['Fragen', String(doc.questions.length)],
    ['Antworten', `${doc.answers.length}${joint > 0 ? ` <span class="muted">(${joint} gemeinsam)</span>` : ''}`],
    ['Vorbemerkungen', String(doc.preambles.length)],
    ['Entitäten', String(doc.entities.length)],
    ['Erwähnungen', String(mentions)],
    ['Beträge', String(doc.amounts.length)],
    ['Datumsangaben', String(doc.dates.length)],
    ['Quellen', String(doc.sources.length)],
    ['Hinweise', String(doc.messages.length + doc.meta.furniture.length)],
  ];
  return `<dl class="counts">${counts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

/**
 * The preambles, questions and answers in printed order. Each question links to its answer; a joint
 * answer stands once, after the last of its questions as printed, and links back to each of them.
 *
 * @param index The lookups.
 * @returns The HTML.
 */
function renderBody(index: Index): string {
  const { doc } = index;
  type Item = { offset: number; order: number; html: () => string };
  const items: Item[] = [];
  doc.preambles.forEach((preamble, order) => {
    items.push({
      offset: preamble.position.start.offset,
      order,
      html: () => renderPreamble(preamble, index),
    });
  });
  doc.questions.forEach((question, order) => {
    const answer = index.answerOf.get(question.number);
    const others = answer ? answer.questions.filter((number) => number !== question.number) : [];
    const toAnswer = answer
      ? `<p class="to-answer"><a href="#${escape(answer.id)}">Zur Antwort${others.length > 0 ? ` <span class="muted">(gemeinsam mit ${others.length === 1 ? 'Frage' : 'Fragen'} ${escape(joinGerman(others))})</span>` : ''}</a></p>`
      : '<p class="to-answer muted">Keine Antwort zugeordnet.</p>';
    items.push({
      offset: question.position.start.offset,
      order: 1000 + order,
      html: () =>
        `<article class="question" id="${escape(question.id)}" aria-labelledby="${escape(question.id)}-h"><h3 id="${escape(question.id)}-h">Frage ${escape(question.number)}</h3>${sectionText(question.id, question.text, index)}${toAnswer}</article>`,
    });
  });
  doc.answers.forEach((answer, order) => {
    const links = answer.questions.map((number) => {
      const target = index.questionOf.get(number);
      return target ? `<a href="#${escape(target)}">${escape(number)}</a>` : escape(number);
    });
    const heading = answer.questions.length === 1 ? `Antwort zu Frage ${links[0] ?? ''}` : `Antwort zu Fragen ${joinGerman(links)}`;
    const badge = answer.questions.length > 1 ? ' <span class="badge">gemeinsame Antwort</span>' : '';
    const references = answer.references
      .map((reference) => {
        const target = referenceTarget(reference.question, index);
        return target ? `<li><a href="#${escape(target)}">${escape(index.sectionLabel.get(target) ?? `Frage ${reference.question}`)}</a></li>` : `<li>Frage ${escape(reference.question)} <span class="muted">(nicht gefunden)</span></li>`;
      })
      .join('');
    items.push({
      offset: answer.position.start.offset,
      order: 100000 + order,
      html: () =>
        `<article class="answer${answer.questions.length > 1 ? ' joint' : ''}" id="${escape(answer.id)}" aria-labelledby="${escape(answer.id)}-h"><h3 id="${escape(answer.id)}-h">${heading}${badge}</h3>${sectionText(answer.id, answer.text, index, answer)}${references ? `<nav class="refs" aria-label="Verweise in der ${escape(answerLabel(answer.questions))}"><span class="muted">Verweist auf:</span> <ul>${references}</ul></nav>` : ''}</article>`,
    });
  });
  items.sort((a, b) => a.offset - b.offset || a.order - b.order);
  return items.map((item) => item.html()).join('\n');
}

/**
 * The messages and the text cut out of the flow.
 *
 * @param doc The document.
 * @returns The HTML.
 */
function renderMessages(doc: DrucksacheDocument): string {
  const where = (position: Position | undefined): string => (position ? `<span class="muted">Zeile ${position.start.line}:${position.start.column}</span> ` : '');
  const messages = doc.messages.map(
    (message: Message) =>
      `<li class="sev-${escape(message.severity)}"><span class="tag">${severityLabels[message.severity]}</span> ${where(message.position)}${escape(message.reason)} <code>${escape(message.ruleId)}</code>${message.text ? `<blockquote>${escape(message.text)}</blockquote>` : ''}</li>`,
  );
  const furniture = doc.meta.furniture.map(
    (cut) => `<li><span class="tag">${escape(furnitureLabels[cut.kind] ?? cut.kind)}</span> ${where(cut.position)}<q>${escape(cut.text)}</q></li>`,
  );
  return (
    `<h3>Meldungen</h3>${messages.length > 0 ? `<ul class="messages">${messages.join('')}</ul>` : '<p>Keine Meldungen.</p>'}` +
    `<h3>Aus dem Textfluss entfernt</h3>${furniture.length > 0 ? `<ul class="messages">${furniture.join('')}</ul>` : '<p>Nichts entfernt.</p>'}`
  );
}

/**
 * Render one document as a self-contained HTML page.
 *
 * @param doc The document.
 * @param stem The input file stem (named in the footer; the page is meant to be `<stem>.html`).
 * @returns The HTML document.
 */
export function toHtml(doc: DrucksacheDocument, stem: string): string {
  const index = indexOf(doc);
  // The body is built first: placing the marks counts the mentions the entity buttons show.
  const body = renderBody(index);
  const network = networkSvg(doc, { idPrefix: 'network' });
  const chart = amountsChartSvg(doc, { idPrefix: 'chart' });
  const figures = [
    network
      ? `<figure class="figure"><div class="scroll" tabindex="0" role="group" aria-labelledby="network-title">${network}</div><figcaption>Entitäten, die in denselben Antworten genannt werden; je dicker die Linie, desto mehr gemeinsame Antworten. Farbe nach Art: ${(Object.keys(entityTypeColours) as Entity['type'][]).map((type) => `<span class="swatch t-${type}"></span>${entityTypeColours[type].label}`).join(', ')}.</figcaption></figure>`
      : '<p>Zu wenige Entitäten in gemeinsamen Antworten für ein Netz.</p>',
    chart ? `<figure class="figure"><div class="scroll" tabindex="0" role="group" aria-labelledby="chart-title">${chart}</div><figcaption>Summe der genannten Beträge je Antwort.</figcaption></figure>` : '',
  ].join('');
  const title = doc.meta.title ?? stem;
  const hasPreambles = doc.preambles.length > 0;
  const nav =
    '<nav class="toc" aria-label="Inhalt"><ul>' +
    '<li><a href="#summary">Übersicht</a></li><li><a href="#picture">Bild</a></li>' +
    `<li><a href="#qa">Fragen und Antworten</a></li>` +
    '<li><a href="#messages">Hinweise</a></li><li><a href="index.html">Alle Dokumente</a></li></ul></nav>';
  const main =
    '<main id="main" tabindex="-1">' +
    `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Übersicht</h2>${renderCounts(doc)}${renderEntityChooser(index)}${renderAmountsTable(doc)}${renderSources(index)}</section>` +
    `<section id="picture" aria-labelledby="picture-h"><h2 id="picture-h">Bild</h2><div class="figures">${figures}</div></section>` +
    `<section id="qa" aria-labelledby="qa-h"><h2 id="qa-h">${hasPreambles ? 'Vorbemerkungen, ' : ''}Fragen und Antworten</h2>${renderLegend()}<div class="flow">${body}</div></section>` +
    `<section id="messages" aria-labelledby="messages-h"><h2 id="messages-h">Hinweise</h2>${renderMessages(doc)}</section>` +
    '</main>';
  const footer = `<footer class="footer"><p>Erzeugt von drucksache aus <code>${escape(doc.source.path)}</code> (${escape(stem)}), SHA-256 <code>${escape(doc.source.sha256.slice(0, 12))}</code>.</p></footer>`;
  return page(title, `${renderHeader(doc)}\n<div class="layout">${nav}\n${main}</div>\n${footer}`, documentScript);
}

/**
 * Summarise a document for the index page.
 *
 * @param doc The document.
 * @param stem The input file stem.
 * @returns The summary.
 */
export function summaryOf(doc: DrucksacheDocument, stem: string): HtmlSummary {
  const totals = new Map<string, number>();
  for (const amount of doc.amounts) totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.value);
  const topEntities = doc.entities
    .map((entity, order) => ({ entity, order }))
    .sort((a, b) => b.entity.mentions.length - a.entity.mentions.length || a.order - b.order)
    .slice(0, summaryEntityCount)
    .map(({ entity }) => ({ name: entity.name, type: entity.type, mentions: entity.mentions.length }));
  return {
    stem,
    parliament: doc.meta.parliament,
    number: doc.meta.drucksache,
    answers: doc.meta.answersDrucksache,
    date: doc.meta.date,
    title: doc.meta.title,
    faction: doc.meta.faction,
    questions: doc.questions.length,
    amounts: doc.amounts.length,
    amountsTotal: [...totals].map(([currency, value]) => ({ currency, value })).sort((a, b) => b.value - a.value || a.currency.localeCompare(b.currency)),
    topEntities,
  };
}

/**
 * A sort key for a Drucksache number that orders `21/375` before `21/1344`.
 *
 * @param number The number.
 * @returns The key.
 */
function numberSortKey(number: string | null): string {
  if (number === null) return '';
  const match = drucksacheNumberPattern.exec(number);
  return match ? `${(match[1] ?? '').padStart(3, '0')}/${(match[2] ?? '').padStart(6, '0')}` : number;
}

/**
 * Render the index page of a corpus: a table of all documents, sortable by every column and
 * filterable by text and faction, each row linked to its page `<stem>.html`.
 *
 * @param summaries The documents' summaries, in the order to show first.
 * @returns The HTML document.
 */
export function toIndexHtml(summaries: readonly HtmlSummary[]): string {
  const factions = [...new Set(summaries.map((summary) => summary.faction).filter((faction): faction is string => faction !== null))].sort((a, b) => a.localeCompare(b, 'de'));
  const rows = summaries.map((summary) => {
    const href = `${encodeURIComponent(summary.stem)}.html`;
    const euro = summary.amountsTotal.find((total) => total.currency === 'EUR')?.value ?? summary.amountsTotal[0]?.value ?? 0;
    const cells = [
      `<td role="cell" data-label="Drucksache" data-sort="${escape(numberSortKey(summary.number ?? summary.answers))}">${summary.number ? escape(summary.number) : '–'}${summary.answers ? `<br><span class="muted">auf ${escape(summary.answers)}</span>` : ''}${summary.parliament ? `<br><span class="muted small">${escape(summary.parliament)}</span>` : ''}</td>`,
      `<td role="cell" data-label="Datum" data-sort="${escape(summary.date ?? '')}">${summary.date ? timeElement(summary.date) : '–'}</td>`,
      `<th scope="row" role="rowheader" data-sort="${escape(summary.title ?? summary.stem)}"><a href="${escape(href)}">${escape(summary.title ?? summary.stem)}</a></th>`,
      `<td role="cell" data-label="Fraktion" data-sort="${escape(summary.faction ?? '')}">${escape(summary.faction ?? '–')}</td>`,
      `<td role="cell" class="num" data-label="Fragen" data-sort="${summary.questions}">${summary.questions}</td>`,
      `<td role="cell" class="num" data-label="Beträge" data-sort="${euro}">${summary.amountsTotal.length > 0 ? summary.amountsTotal.map((total) => escape(formatMoney(total.value, total.currency))).join('<br>') : '–'}${summary.amounts > 0 ? `<br><span class="muted">${summary.amounts} ${summary.amounts === 1 ? 'Betrag' : 'Beträge'}</span>` : ''}</td>`,
      `<td role="cell" data-label="Entitäten" data-sort="${escape(summary.topEntities[0]?.name ?? '')}">${summary.topEntities.map((entity) => `<span class="chip-static t-${entity.type}">${escape(entity.name)} <span class="count">${entity.mentions}</span></span>`).join(' ')}</td>`,
    ];
    return `<tr role="row"${attributes({ 'data-faction': summary.faction ?? '' })}>${cells.join('')}</tr>`;
  });
  const columns: [string, 'text' | 'number'][] = [
    ['Drucksache', 'text'],
    ['Datum', 'text'],
    ['Titel', 'text'],
    ['Fraktion', 'text'],
    ['Fragen', 'number'],
    ['Beträge (Summe)', 'number'],
    ['Häufigste Entitäten', 'text'],
  ];
  const head = columns
    .map(([label, type], column) => `<th scope="col" role="columnheader" aria-sort="none"${type === 'number' ? ' class="num"' : ''}><button type="button" class="sort" data-column="${column}" data-type="${type}">${label}<span class="arrow" aria-hidden="true"></span></button></th>`)
    .join('');
  const body =
    '<header class="masthead"><p class="kicker">drucksache</p><h1>Drucksachen</h1>' +
    `<p>${summaries.length} ${summaries.length === 1 ? 'Dokument' : 'Dokumente'}: Antworten auf Kleine Anfragen, aufbereitet mit erkannten Entitäten, Beträgen, Datumsangaben und Quellen.</p></header>\n` +
    '<nav class="toc" aria-label="Seiten"><ul><li><a href="#filter">Filter</a></li><li><a href="#documents">Dokumente</a></li></ul></nav>\n' +
    '<main id="main" tabindex="-1">' +
    '<form class="filters" role="search" aria-label="Dokumente filtern">' +
    '<label for="filter">Suchen <input type="search" id="filter" autocomplete="off" placeholder="Titel, Nummer, Entität"></label>' +
    `<label for="faction">Fraktion <select id="faction"><option value="">alle</option>${factions.map((faction) => `<option value="${escape(faction)}">${escape(faction)}</option>`).join('')}</select></label>` +
    `<p id="shown" role="status" aria-live="polite">${summaries.length} von ${summaries.length} Dokumenten</p></form>` +
    `<div class="table-wrap" tabindex="0" role="group" aria-label="Dokumente"><table id="documents" class="documents" role="table"><caption>Alle Dokumente; Spaltenköpfe sortieren.</caption><thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${rows.join('\n')}</tbody></table></div>` +
    '</main>';
  return page('Drucksachen', body, indexScript);
}
