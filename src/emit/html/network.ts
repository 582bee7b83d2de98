/**
 * The pictures of the HTML report, drawn in Node as SVG strings so that a page needs no script to show
 * them:
 *
 * - a co-occurrence network: entities are nodes, two entities are linked when they are named in the
 *   same answer, the more answers the thicker the line. It is laid out by a force simulation
 *   (Fruchterman–Reingold) whose start positions come from a seeded generator, so the same document
 *   always gives the same picture;
 * - a bar chart of the amounts named in each answer (their sum per answer and currency).
 *
 * Both are `role="img"` with a title and a description; the report lists the same facts as text.
 */
import type { DrucksacheDocument, Entity } from '../../model.js';

/** Characters that must not appear raw in XML or HTML text or attribute values: matches `<`, `&`, `"`. */
const markupCharacterPattern = /[&<>"']/g;

/** The entity reference for each character of `markupCharacterPattern`. */
const markupEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escape text for XML or HTML, in element content and in quoted attribute values alike.
 *
 * @param text Untrusted text.
 * @returns The text with `& < > " '` replaced by references.
 */
export function escapeXml(text: string): string {
  return text.replace(markupCharacterPattern, (character) => markupEscapes[character] ?? character);
}

/** An ISO 4217 currency code: matches `EUR`. */
const currencyCodePattern = /^[A-Z]{3}$/;

/**
 * Format an amount of money the German way (`19.610.000 €`, `99,96 €`, `1.500 US$`).
 *
 * @param value Amount in currency units.
 * @param currency ISO 4217 code; anything else is printed after the number as it is.
 * @returns The formatted amount.
 */
export function formatMoney(value: number, currency: string): string {
  if (!currencyCodePattern.test(currency)) return `${formatNumber(value)} ${currency}`;
  return new Intl.NumberFormat('de-DE', { style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(value);
}

/**
 * Format a number the German way (`19.610.000`, `99,96`).
 *
 * @param value The number.
 * @returns The formatted number.
 */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(value);
}

/** Colours of the entity types: strong ones for the network's nodes, light ones behind marked text. */
export const entityTypeColours: Readonly<Record<Entity['type'], { readonly strong: string; readonly light: string; readonly label: string }>> = {
  Person: { strong: '#b45309', light: '#ffe2c4', label: 'Person' },
  Organization: { strong: '#1d4ed8', light: '#dbe6ff', label: 'Organisation' },
  Place: { strong: '#15803d', light: '#d2f1db', label: 'Ort' },
  Other: { strong: '#7e22ce', light: '#efe2fb', label: 'Sonstiges' },
};

/** A node of the co-occurrence network. */
export interface NetworkNode {
  /** The entity id (`e3`). */
  readonly id: string;
  /** The entity's name. */
  readonly name: string;
  /** The entity's type. */
  readonly type: Entity['type'];
  /** In how many answers the entity is named. */
  readonly answers: number;
}

/** A link between two entities named in the same answers. */
export interface NetworkEdge {
  /** Index of one node in `nodes`. */
  readonly source: number;
  /** Index of the other node (greater than `source`). */
  readonly target: number;
  /** In how many answers both are named. */
  readonly weight: number;
}

/** Entities and the answers they share. */
export interface Network {
  /** The nodes, most often named first. */
  readonly nodes: readonly NetworkNode[];
  /** The links, in node order. */
  readonly edges: readonly NetworkEdge[];
}

/** How many entities a network shows at most, so that the picture stays readable. */
export const defaultNetworkSize = 24;

/**
 * Build the co-occurrence network of a document: entities named together in at least one answer.
 * Only entities with at least one link are kept; of those the `limit` named in most answers.
 *
 * @param doc The document.
 * @param limit Most nodes to keep.
 * @returns Nodes and links.
 */
export function cooccurrence(doc: DrucksacheDocument, limit: number = defaultNetworkSize): Network {
  const answerIds = new Set(doc.answers.map((answer) => answer.id));
  const answersOf = doc.entities.map((entity) => new Set(entity.mentions.filter((mention) => answerIds.has(mention.in)).map((mention) => mention.in)));
  const pairWeight = (i: number, j: number): number => {
    let shared = 0;
    for (const id of answersOf[i] ?? []) if (answersOf[j]?.has(id)) shared += 1;
    return shared;
  };
  // An entity has a partner when some answer that names it names at least one other entity.
  const namedIn = new Map<string, number>();
  for (const answers of answersOf) for (const id of answers) namedIn.set(id, (namedIn.get(id) ?? 0) + 1);
  const linked = doc.entities
    .map((entity, index) => ({ entity, index, answers: answersOf[index]?.size ?? 0 }))
    .filter(({ index }) => [...(answersOf[index] ?? [])].some((id) => (namedIn.get(id) ?? 0) > 1));
  // Most answers first; ties keep document order (the order of the entities' ids), so the choice is stable.
  linked.sort((a, b) => b.answers - a.answers || (b.entity.mentions.length - a.entity.mentions.length) || a.index - b.index);
  const kept = linked.slice(0, Math.max(0, limit));
  const nodes = kept.map(({ entity, answers }) => ({ id: entity.id, name: entity.name, type: entity.type, answers }));
  const edges: NetworkEdge[] = [];
  for (let source = 0; source < kept.length; source += 1) {
    for (let target = source + 1; target < kept.length; target += 1) {
      const weight = pairWeight(kept[source]?.index ?? -1, kept[target]?.index ?? -1);
      if (weight > 0) edges.push({ source, target, weight });
    }
  }
  return { nodes, edges };
}

/** A point of a layout. */
export interface Point {
  /** Horizontal coordinate. */
  readonly x: number;
  /** Vertical coordinate. */
  readonly y: number;
}

/** How to lay out a network. */
export interface LayoutOptions {
  /** Width of the area. */
  readonly width?: number;
  /** Height of the area. */
  readonly height?: number;
  /** Seed of the generator of start positions. */
  readonly seed?: number;
  /** Steps of the simulation. */
  readonly iterations?: number;
  /** Pull towards the centre, relative to the ideal edge length. */
  readonly gravity?: number;
}

/**
 * A seeded pseudo-random generator (mulberry32): the same seed gives the same sequence.
 *
 * @param seed A 32-bit seed.
 * @returns A function returning numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Lay out a network with a force simulation (Fruchterman–Reingold with a pull to the centre, so that
 * unconnected parts stay in view). Deterministic: start positions come from a seeded generator.
 *
 * @param network Nodes and links.
 * @param options Area, seed and number of steps.
 * @returns One point per node, inside the area.
 */
export function layoutNetwork(network: Network, options: LayoutOptions = {}): Point[] {
  const width = options.width ?? 640;
  const height = options.height ?? 420;
  const iterations = options.iterations ?? 300;
  const random = seededRandom(options.seed ?? 1);
  const gravity = options.gravity ?? 10;
  const count = network.nodes.length;
  if (count === 0) return [];
  if (count === 1) return [{ x: width / 2, y: height / 2 }];
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    x[i] = (random() - 0.5) * width;
    y[i] = (random() - 0.5) * height;
  }
  const ideal = Math.sqrt((width * height) / count) * 0.75;
  const dx = new Float64Array(count);
  const dy = new Float64Array(count);
  let temperature = width / 8;
  const cooling = temperature / (iterations + 1);
  for (let step = 0; step < iterations; step += 1) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < count; i += 1) {
      for (let j = i + 1; j < count; j += 1) {
        let ex = (x[i] ?? 0) - (x[j] ?? 0);
        let ey = (y[i] ?? 0) - (y[j] ?? 0);
        let distance = Math.hypot(ex, ey);
        if (distance < 0.01) {
          // Coincident nodes: push apart along a fixed direction that depends on the pair only.
          ex = 0.01 * (1 + ((i + j) % 3));
          ey = 0.01 * (1 + ((i * j) % 3));
          distance = Math.hypot(ex, ey);
        }
        const force = (ideal * ideal) / distance;
        const fx = (ex / distance) * force;
        const fy = (ey / distance) * force;
        dx[i] = (dx[i] ?? 0) + fx;
        dy[i] = (dy[i] ?? 0) + fy;
        dx[j] = (dx[j] ?? 0) - fx;
        dy[j] = (dy[j] ?? 0) - fy;
      }
    }
    for (const edge of network.edges) {
      const ex = (x[edge.source] ?? 0) - (x[edge.target] ?? 0);
      const ey = (y[edge.source] ?? 0) - (y[edge.target] ?? 0);
      const distance = Math.max(Math.hypot(ex, ey), 0.01);
      const force = ((distance * distance) / ideal) * Math.min(1 + Math.log(edge.weight), 3);
      const fx = (ex / distance) * force;
      const fy = (ey / distance) * force;
      dx[edge.source] = (dx[edge.source] ?? 0) - fx;
      dy[edge.source] = (dy[edge.source] ?? 0) - fy;
      dx[edge.target] = (dx[edge.target] ?? 0) + fx;
      dy[edge.target] = (dy[edge.target] ?? 0) + fy;
    }
    for (let i = 0; i < count; i += 1) {
      // Gravity towards the centre keeps unlinked groups from drifting off.
      const gx = (dx[i] ?? 0) - (x[i] ?? 0) * gravity;
      const gy = (dy[i] ?? 0) - (y[i] ?? 0) * gravity;
      const length = Math.max(Math.hypot(gx, gy), 0.01);
      const move = Math.min(length, temperature);
      x[i] = (x[i] ?? 0) + (gx / length) * move;
      y[i] = (y[i] ?? 0) + (gy / length) * move;
    }
    temperature = Math.max(temperature - cooling, 0.5);
  }
  return fitInto(x, y, width, height);
}

/**
 * Scale and move points into an area, keeping their proportions.
 *
 * @param x Horizontal coordinates.
 * @param y Vertical coordinates.
 * @param width Width of the area.
 * @param height Height of the area.
 * @returns The moved points.
 */
function fitInto(x: Float64Array, y: Float64Array, width: number, height: number): Point[] {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < x.length; i += 1) {
    minX = Math.min(minX, x[i] ?? 0);
    maxX = Math.max(maxX, x[i] ?? 0);
    minY = Math.min(minY, y[i] ?? 0);
    maxY = Math.max(maxY, y[i] ?? 0);
  }
  const scale = Math.min(width / Math.max(maxX - minX, 1e-9), height / Math.max(maxY - minY, 1e-9));
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  return Array.from(x, (value, i) => ({ x: offsetX + (value - minX) * scale, y: offsetY + ((y[i] ?? 0) - minY) * scale }));
}

/**
 * Round a coordinate for output: one decimal is plenty and keeps the output stable and small.
 *
 * @param value The coordinate.
 * @returns It rounded.
 */
function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * Shorten a label, ending it in `…` when cut.
 *
 * @param text The label.
 * @param length Most characters to keep.
 * @returns The label.
 */
function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

/** Average width of a label character at font size 12, for guessing how wide a label is. */
const labelCharacterWidth = 7.4;

/** Height of a label line at font size 12. */
const labelHeight = 14;

/** A placed label: its anchor point and side. */
interface LabelPlace {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/**
 * Place node labels greedily, most important node first: right of the node, else left, above or
 * below, whichever overlaps the fewest labels and nodes placed so far and stays inside the area.
 *
 * @param nodes Node centres, radii and label texts, in order of importance.
 * @param width Width of the area.
 * @param height Height of the area.
 * @returns One place per node.
 */
function placeLabels(nodes: readonly { x: number; y: number; r: number; text: string }[], width: number, height: number): LabelPlace[] {
  type Box = { left: number; top: number; right: number; bottom: number };
  const taken: Box[] = nodes.map((node) => ({ left: node.x - node.r, top: node.y - node.r, right: node.x + node.r, bottom: node.y + node.r }));
  const overlap = (a: Box, b: Box): number => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  return nodes.map((node, index) => {
    const w = node.text.length * labelCharacterWidth;
    const gap = node.r + 3;
    const candidates: { place: LabelPlace; box: Box }[] = [
      { place: { x: node.x + gap, y: node.y + 4, anchor: 'start' }, box: { left: node.x + gap, top: node.y - 8, right: node.x + gap + w, bottom: node.y + 6 } },
      { place: { x: node.x - gap, y: node.y + 4, anchor: 'end' }, box: { left: node.x - gap - w, top: node.y - 8, right: node.x - gap, bottom: node.y + 6 } },
      { place: { x: node.x, y: node.y - gap - 3, anchor: 'middle' }, box: { left: node.x - w / 2, top: node.y - gap - labelHeight, right: node.x + w / 2, bottom: node.y - gap } },
      { place: { x: node.x, y: node.y + gap + 11, anchor: 'middle' }, box: { left: node.x - w / 2, top: node.y + gap, right: node.x + w / 2, bottom: node.y + gap + labelHeight } },
    ];
    let best = candidates[0];
    let bestCost = Infinity;
    for (const candidate of candidates) {
      const outside = (Math.max(0, -candidate.box.left) + Math.max(0, candidate.box.right - width) + Math.max(0, -candidate.box.top) + Math.max(0, candidate.box.bottom - height)) * 1000;
      const cost = outside + taken.reduce((sum, box, other) => sum + (other === index ? 0 : overlap(candidate.box, box)), 0);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    if (!best) return { x: node.x, y: node.y, anchor: 'start' };
    taken.push(best.box);
    return best.place;
  });
}

/** Where an SVG is placed and what it is called. */
export interface SvgOptions {
  /** Prefix of the ids inside the SVG (title, description), unique in the page. */
  readonly idPrefix?: string;
}

/**
 * Draw a document's co-occurrence network as an SVG element.
 *
 * @param doc The document.
 * @param options Prefix of the element ids.
 * @returns The SVG markup, or `''` when fewer than two entities share an answer.
 */
export function networkSvg(doc: DrucksacheDocument, options: SvgOptions = {}): string {
  const network = cooccurrence(doc);
  if (network.nodes.length < 2) return '';
  const prefix = options.idPrefix ?? 'network';
  const width = 720;
  const height = 480;
  const margin = { x: 110, y: 34 };
  const points = layoutNetwork(network, { width: width - 2 * margin.x, height: height - 2 * margin.y, seed: 7 });
  const at = (index: number): Point => {
    const point = points[index] ?? { x: 0, y: 0 };
    return { x: point.x + margin.x, y: point.y + margin.y };
  };
  const strongest = Math.max(...network.nodes.map((node) => node.answers));
  const radius = (node: NetworkNode): number => 5 + 9 * Math.sqrt(node.answers / strongest);
  const lines = network.edges.map((edge) => {
    const from = at(edge.source);
    const to = at(edge.target);
    const a = network.nodes[edge.source]?.name ?? '';
    const b = network.nodes[edge.target]?.name ?? '';
    return `<line x1="${round(from.x)}" y1="${round(from.y)}" x2="${round(to.x)}" y2="${round(to.y)}" stroke-width="${round(Math.min(1 + edge.weight, 6))}"><title>${escapeXml(`${a} – ${b}: ${edge.weight} ${edge.weight === 1 ? 'Antwort' : 'Antworten'}`)}</title></line>`;
  });
  const labels = placeLabels(
    network.nodes.map((node, index) => ({ ...at(index), r: radius(node), text: shorten(node.name, 30) })),
    width,
    height,
  );
  const circles = network.nodes.map((node, index) => {
    const point = at(index);
    const label = labels[index] ?? { x: point.x, y: point.y, anchor: 'start' };
    return (
      `<g class="node" data-entity="${escapeXml(node.id)}"><title>${escapeXml(`${node.name} (${entityTypeColours[node.type].label}): in ${node.answers} ${node.answers === 1 ? 'Antwort' : 'Antworten'}`)}</title>` +
      `<circle cx="${round(point.x)}" cy="${round(point.y)}" r="${round(radius(node))}" fill="${entityTypeColours[node.type].strong}"/>` +
      `<text x="${round(label.x)}" y="${round(label.y)}" text-anchor="${label.anchor}">${escapeXml(shorten(node.name, 30))}</text></g>`
    );
  });
  const description = `${network.nodes.length} Entitäten, ${network.edges.length} Verbindungen. Stärkste Verbindungen: ${[...network.edges]
    .sort((a, b) => b.weight - a.weight || a.source - b.source || a.target - b.target)
    .slice(0, 5)
    .map((edge) => `${network.nodes[edge.source]?.name ?? ''} und ${network.nodes[edge.target]?.name ?? ''} (${edge.weight})`)
    .join(', ')}.`;
  return (
    `<svg class="network" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${prefix}-title">Entitäten, die in denselben Antworten genannt werden</title>` +
    `<desc id="${prefix}-desc">${escapeXml(description)}</desc>` +
    `<g class="edges" stroke="#8a8f98" stroke-opacity="0.55" stroke-linecap="round">${lines.join('')}</g>` +
    `<g class="nodes" font-size="12" fill="#1a1a1a" stroke="#ffffff" stroke-width="0">${circles.join('')}</g>` +
    '</svg>'
  );
}

/** The sum of the amounts of one answer in one currency. */
export interface AnswerAmount {
  /** The answer id. */
  readonly answer: string;
  /** The question numbers it answers. */
  readonly questions: readonly string[];
  /** ISO 4217 code. */
  readonly currency: string;
  /** The sum (lower bounds of ranges). */
  readonly total: number;
  /** How many amounts were added. */
  readonly count: number;
}

/**
 * Add up the amounts named in each answer, per currency, in answer order.
 *
 * @param doc The document.
 * @returns One row per answer and currency that has amounts.
 */
export function amountsPerAnswer(doc: DrucksacheDocument): AnswerAmount[] {
  const rows: AnswerAmount[] = [];
  for (const answer of doc.answers) {
    const totals = new Map<string, { total: number; count: number }>();
    for (const amount of doc.amounts) {
      if (amount.in !== answer.id) continue;
      const entry = totals.get(amount.currency) ?? { total: 0, count: 0 };
      entry.total += amount.value;
      entry.count += 1;
      totals.set(amount.currency, entry);
    }
    for (const [currency, { total, count }] of totals) rows.push({ answer: answer.id, questions: answer.questions, currency, total, count });
  }
  return rows;
}

/**
 * Name an answer by the questions it answers: `Antwort zu Frage 3`, `Antwort zu Fragen 4 und 6`.
 *
 * @param questions The question numbers.
 * @returns The name.
 */
export function answerLabel(questions: readonly string[]): string {
  if (questions.length === 0) return 'Antwort';
  if (questions.length === 1) return `Antwort zu Frage ${questions[0] ?? ''}`;
  return `Antwort zu Fragen ${questions.slice(0, -1).join(', ')} und ${questions[questions.length - 1] ?? ''}`;
}

/**
 * Draw the amounts per answer as a horizontal bar chart (one bar per answer and currency, bars of a
 * currency on one scale).
 *
 * @param doc The document.
 * @param options Prefix of the element ids.
 * @returns The SVG markup, or `''` when no answer names an amount.
 */
export function amountsChartSvg(doc: DrucksacheDocument, options: SvgOptions = {}): string {
  const rows = amountsPerAnswer(doc);
  if (rows.length === 0) return '';
  const prefix = options.idPrefix ?? 'amounts';
  const width = 720;
  const labelWidth = 190;
  const valueWidth = 130;
  const rowHeight = 26;
  const top = 8;
  const height = top * 2 + rows.length * rowHeight;
  const largest = new Map<string, number>();
  for (const row of rows) largest.set(row.currency, Math.max(largest.get(row.currency) ?? 0, Math.abs(row.total)));
  const barArea = width - labelWidth - valueWidth - 16;
  const bars = rows.map((row, index) => {
    const y = top + index * rowHeight;
    const scale = largest.get(row.currency) || 1;
    const barWidth = Math.max((Math.abs(row.total) / scale) * barArea, 1.5);
    const label = shorten(answerLabel(row.questions).replace('Antwort zu ', ''), 26);
    const value = formatMoney(row.total, row.currency);
    return (
      `<g class="bar"><title>${escapeXml(`${answerLabel(row.questions)}: ${value} (${row.count} ${row.count === 1 ? 'Betrag' : 'Beträge'})`)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeXml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 4}" width="${round(barWidth)}" height="${rowHeight - 8}" rx="2" fill="#8a6d00"/>` +
      `<text x="${round(labelWidth + barWidth + 6)}" y="${y + 17}">${escapeXml(value)}</text></g>`
    );
  });
  const currencies = [...largest.keys()];
  const description = `${rows.length} ${rows.length === 1 ? 'Antwort' : 'Antworten'} mit Beträgen${currencies.length > 1 ? ` in ${currencies.join(', ')} (je Währung ein Maßstab)` : ''}. ${rows
    .map((row) => `${answerLabel(row.questions)}: ${formatMoney(row.total, row.currency)}`)
    .join('; ')}.`;
  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${prefix}-title">Summe der genannten Beträge je Antwort</title>` +
    `<desc id="${prefix}-desc">${escapeXml(description)}</desc>` +
    `<g font-size="13" fill="#1a1a1a">${bars.join('')}</g>` +
    '</svg>'
  );
}
