/**
 * One document as linked data (`jsonld/<stem>.jsonld`), in schema.org terms with OParl 1.1 terms for
 * what is particular to parliamentary papers. The context is inline, so reading a file never needs
 * the network.
 *
 * The graph:
 * - the document is a `schema:Report` and an `oparl:Paper` (`oparl:reference` = its own number,
 *   `oparl:paperType`, `oparl:originatorOrganization` = the respondent, `oparl:underDirectionOf` =
 *   the responding ministry) whose `oparl:relatedPaper` is the Anfrage answered (with its askers as
 *   `oparl:originatorPerson` and the asking group as `oparl:originatorOrganization`); the respondent is
 *   also its `schema:author`, the parliament its `schema:publisher`;
 * - it `schema:hasPart` its preambles (`schema:CreativeWork`), questions (`schema:Question`, lettered
 *   sub-items as parts of them) and answers (`schema:Answer`, whose `schema:parentItem` names every
 *   question answered and whose `schema:citation` names the answers it refers to);
 * - entities are `schema:Person`, `schema:Organization`, `schema:Place` or `schema:Thing`; amounts
 *   are `schema:MonetaryAmount`; both are linked by `schema:mentions` from the document and from
 *   each section they occur in;
 * - sources are linked by `schema:citation` from the document and from each section citing them.
 *   A web source is identified by its address, a Bundestag Drucksache by its official PDF address
 *   (18/13237 → https://dserver.bundestag.de/btd/18/132/1813237.pdf).
 *
 * Node identifiers. Every document gets a base IRI, by default `urn:drucksache:<stem>` (the stem
 * percent-encoded). Its parts are fragments named by their ids in the JSON: `<base>#q3`, `<base>#a14`,
 * `<base>#p1`. Entities are corpus-wide: `urn:drucksache:entity:<key>` (`entityIri`), the same
 * node in every document that names the entity, so the graphs of several papers join; two entities of
 * one paper with the same key are one node. Records without an id are numbered in document order from 1:
 * `<base>#amount-2`, `<base>#source-4`. People and bodies named in the metadata but not found among
 * the entities get `<base>#asker-1`, `<base>#faction`, `<base>#respondent`, `<base>#responding-body`,
 * `<base>#parliament`; when an entity of the same type carries the name, its IRI is used instead.
 * Lettered sub-items are blank nodes. So identifiers are stable for the same input and file name.
 */
import type { Amount, DrucksacheDocument, Entity, Source } from '../model.js';

/** A JSON-LD value as produced here (`null` only in the context, to unset a default). */
export type JsonLdValue = string | number | boolean | null | JsonLdNode | JsonLdValue[];

/** A JSON-LD node object (or the top-level object with `@context` and `@graph`). */
export interface JsonLdNode {
  [key: string]: JsonLdValue;
}

/** How to identify the nodes. */
export interface JsonLdOptions {
  /**
   * Base IRI of the document node; parts get fragments of it. Defaults to `urn:drucksache:<stem>`.
   * Set it to the address a document is published at to get dereferenceable identifiers.
   */
  readonly base?: string;
}

/** The schema.org namespace. */
const schema = 'https://schema.org/';
/** The OParl 1.1 namespace. */
const oparl = 'https://schema.oparl.org/1.1/';

/**
 * The inline context. Every key used in the output is defined here, so expansion drops nothing
 * (the tests expand in safe mode, which fails on any dropped key). Plain strings are German (`de`);
 * numbers, codes and printed numbers carry no language.
 */
export const jsonLdContext: JsonLdNode = {
  schema,
  oparl,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  '@language': 'de',
  Report: 'schema:Report',
  Paper: 'oparl:Paper',
  CreativeWork: 'schema:CreativeWork',
  Question: 'schema:Question',
  Answer: 'schema:Answer',
  Person: 'schema:Person',
  Organization: 'schema:Organization',
  Place: 'schema:Place',
  Thing: 'schema:Thing',
  MonetaryAmount: 'schema:MonetaryAmount',
  Legislation: 'schema:Legislation',
  name: 'schema:name',
  alternateName: 'schema:alternateName',
  honorificPrefix: 'schema:honorificPrefix',
  description: 'schema:description',
  text: 'schema:text',
  position: { '@id': 'schema:position', '@language': null },
  url: { '@id': 'schema:url', '@type': '@id' },
  datePublished: { '@id': 'schema:datePublished', '@type': 'xsd:date' },
  dateCreated: { '@id': 'schema:dateCreated', '@type': 'xsd:date' },
  jobTitle: 'schema:jobTitle',
  worksFor: { '@id': 'schema:worksFor', '@type': '@id' },
  hasPart: { '@id': 'schema:hasPart', '@type': '@id' },
  parentItem: { '@id': 'schema:parentItem', '@type': '@id' },
  mentions: { '@id': 'schema:mentions', '@type': '@id' },
  citation: { '@id': 'schema:citation', '@type': '@id' },
  author: { '@id': 'schema:author', '@type': '@id' },
  publisher: { '@id': 'schema:publisher', '@type': '@id' },
  memberOf: { '@id': 'schema:memberOf', '@type': '@id' },
  value: 'schema:value',
  minValue: 'schema:minValue',
  maxValue: 'schema:maxValue',
  currency: { '@id': 'schema:currency', '@language': null },
  pagination: { '@id': 'schema:pagination', '@language': null },
  reference: { '@id': 'oparl:reference', '@language': null },
  paperType: 'oparl:paperType',
  relatedPaper: { '@id': 'oparl:relatedPaper', '@type': '@id' },
  originatorPerson: { '@id': 'oparl:originatorPerson', '@type': '@id' },
  originatorOrganization: { '@id': 'oparl:originatorOrganization', '@type': '@id' },
  underDirectionOf: { '@id': 'oparl:underDirectionOf', '@type': '@id' },
};

/** A Drucksache number, Wahlperiode and running number: matches `18/13237`, `21/375`. */
const drucksacheNumberPattern = /^(\d{1,2})\/(\d{1,5})$/;

/** A parliament name that is the Bundestag: matches `Deutscher Bundestag`. */
const bundestagPattern = /\bBundestag\b/;

/** An ISO calendar date: matches `2017-08-07`. */
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** Entity type → schema.org class. */
const entityClass: Readonly<Record<Entity['type'], string>> = {
  Person: 'Person',
  Organization: 'Organization',
  Place: 'Place',
  Other: 'Thing',
};

/**
 * The official PDF address of a Bundestag Drucksache.
 *
 * @param number The number as printed, e.g. `18/13237`.
 * @returns `https://dserver.bundestag.de/btd/18/132/1813237.pdf`, or undefined when the number is
 *   not of the form `<Wahlperiode>/<number>`.
 */
export function bundestagPdfUrl(number: string): string | undefined {
  const match = drucksacheNumberPattern.exec(number.trim());
  if (!match) return undefined;
  const period = (match[1] ?? '').padStart(2, '0');
  const running = (match[2] ?? '').padStart(5, '0');
  return `https://dserver.bundestag.de/btd/${period}/${running.slice(0, 3)}/${period}${running}.pdf`;
}

/**
 * The default base IRI of a document.
 *
 * @param stem The input file stem.
 * @returns `urn:drucksache:<stem>` with the stem percent-encoded.
 */
export function defaultJsonLdBase(stem: string): string {
  return `urn:drucksache:${encodeURIComponent(stem)}`;
}

/**
 * The IRI of an entity, the same in every document: built from its corpus-wide key.
 *
 * @param entity The entity.
 * @returns `urn:drucksache:entity:<key>`, e.g. `urn:drucksache:entity:organization:bundesministerium-der-finanzen`.
 */
export function entityIri(entity: Pick<Entity, 'key'>): string {
  return `urn:drucksache:entity:${entity.key}`;
}

/**
 * Convert one document to JSON-LD.
 *
 * @param doc The document.
 * @param stem The input file stem; names the document node unless `options.base` is given.
 * @param options Base IRI.
 * @returns `{ '@context': …, '@graph': [document, preambles, questions, answers, entities, amounts,
 *   sources] }`, ready for `JSON.stringify`.
 */
export function toJsonLd(doc: DrucksacheDocument, stem: string, options?: JsonLdOptions): JsonLdNode {
  const base = options?.base ?? defaultJsonLdBase(stem);
  const part = (fragment: string): string => `${base}#${encodeURIComponent(fragment)}`;

  const sectionIris = new Map<string, string>([['meta', base]]);
  for (const record of [...doc.preambles, ...doc.questions, ...doc.answers]) {
    sectionIris.set(record.id, part(record.id));
  }
  const sectionIri = (id: string): string => sectionIris.get(id) ?? base;

  // Links from sections, collected per section in document order without repeats.
  const mentions = new LinkSet();
  const citations = new LinkSet();

  const agent = (name: string | null | undefined, type: AgentType, fragment: string, extra?: JsonLdNode) =>
    agentNode(doc.entities, part, { name, type, fragment }, extra);
  const faction = agent(doc.meta.faction, 'Organization', 'faction');
  const respondent = agent(doc.meta.respondent, 'Organization', 'respondent');
  const askers = doc.meta.askers.flatMap((asker, index) => {
    const memberOf =
      asker.faction === undefined ? faction : agent(asker.faction, 'Organization', `asker-${index + 1}-faction`);
    const details = node({ honorificPrefix: asker.title, memberOf });
    return agent(asker.name, 'Person', `asker-${index + 1}`, details) ?? [];
  });
  const parliament = doc.meta.parliament;

  const answered = doc.meta.answersDrucksache;
  const answeredUrl = answered !== null && isBundestag(parliament) ? bundestagPdfUrl(answered) : undefined;
  const own = doc.meta.drucksache;
  const ownUrl = own !== null && isBundestag(parliament) ? bundestagPdfUrl(own) : undefined;

  const preambles = doc.preambles.map((preamble) =>
    node({
      '@id': part(preamble.id),
      '@type': 'CreativeWork',
      name: preamble.heading,
      author: preamble.by === 'questioners' ? (faction ?? (askers.length > 0 ? askers : undefined)) : respondent,
      text: preamble.text,
    }),
  );

  const questionIri = new Map<string, string>();
  for (const question of doc.questions) {
    if (!questionIri.has(question.number)) questionIri.set(question.number, part(question.id));
  }
  const questions = doc.questions.map((question) =>
    node({
      '@id': part(question.id),
      '@type': 'Question',
      position: question.number,
      text: question.text,
      author: question.askers?.map((asker) => node({ '@type': 'Person', name: asker.name, honorificPrefix: asker.title, memberOf: asker.faction === undefined ? undefined : node({ '@type': 'Organization', name: asker.faction }) })),
      hasPart: question.subItems.map((item) => node({ '@type': 'Question', position: item.label, text: item.text })),
    }),
  );

  // An answer referring to "the answer to question 3" cites the answer that answers question 3.
  const answerIri = new Map<string, string>();
  for (const answer of doc.answers) {
    for (const number of answer.questions) if (!answerIri.has(number)) answerIri.set(number, part(answer.id));
  }
  for (const answer of doc.answers) {
    for (const reference of answer.references) {
      const target = answerIri.get(reference.question);
      if (target !== undefined && target !== part(answer.id)) citations.add(part(answer.id), target);
    }
  }

  // Entities of one paper that share a key are one node: the first one's name, the others' names as aliases.
  const byKey = new Map<string, { entity: Entity; aliases: Set<string> }>();
  for (const entity of doc.entities) {
    for (const mention of entity.mentions) mentions.add(sectionIri(mention.in), entityIri(entity));
    const first = byKey.get(entity.key);
    if (first === undefined) byKey.set(entity.key, { entity, aliases: new Set(entity.aliases) });
    else for (const alias of [entity.name, ...entity.aliases]) if (alias !== first.entity.name) first.aliases.add(alias);
  }
  const entities = [...byKey.values()].map(({ entity, aliases }) =>
    node({
      '@id': entityIri(entity),
      '@type': entityClass[entity.type],
      name: entity.name,
      alternateName: [...aliases],
    }),
  );

  const amounts = doc.amounts.map((amount, index) => {
    const iri = part(`amount-${index + 1}`);
    mentions.add(sectionIri(amount.in), iri);
    return amountNode(amount, iri);
  });

  const sourceNodes = new Map<string, JsonLdNode>();
  doc.sources.forEach((source, index) => {
    const described = sourceNode(source, part(`source-${index + 1}`), (number) =>
      isBundestag(source.parliament ?? parliament) ? bundestagPdfUrl(number) : undefined,
    );
    const iri = described['@id'];
    if (typeof iri !== 'string') return;
    citations.add(sectionIri(source.in), iri);
    if (!sourceNodes.has(iri)) sourceNodes.set(iri, described);
  });

  // An answer whose paper is in the batch answers the paper's own questions too (`<paper>#q3`).
  const paper = doc.meta.answersPaper;
  const paperQuestion = (number: string): string[] => (paper === undefined ? [] : [`${defaultJsonLdBase(paper)}#${encodeURIComponent(`q${number}`)}`]);
  // Schriftliche Fragen: whoever signed an answer works for the ministry the question went to.
  const bodyOf = (number: string | undefined): JsonLdNode | undefined => {
    const body = doc.questions.find((question) => question.number === number)?.respondingBody;
    return body === undefined ? undefined : node({ '@type': 'Organization', name: body });
  };
  const answers = doc.answers.map((answer) =>
    node({
      '@id': part(answer.id),
      '@type': 'Answer',
      parentItem: answer.questions.flatMap((number) => {
        const iri = questionIri.get(number);
        return [...(iri === undefined ? [] : [iri]), ...paperQuestion(number)];
      }),
      text: answer.text,
      dateCreated: answer.date,
      author: answer.answeredBy ? node({ '@type': 'Person', name: answer.answeredBy.name, honorificPrefix: answer.answeredBy.title, jobTitle: answer.answeredBy.role, worksFor: bodyOf(answer.questions[0]) }) : undefined,
    }),
  );

  const document = node({
    '@id': base,
    '@type': ['Report', 'Paper'],
    name: doc.meta.title,
    reference: doc.meta.drucksache,
    paperType: doc.meta.type,
    datePublished: doc.meta.date !== null && isoDatePattern.test(doc.meta.date) ? doc.meta.date : undefined,
    url: ownUrl,
    publisher: parliament === null ? undefined : { '@id': part('parliament'), '@type': 'Organization', name: parliament },
    author: respondent,
    originatorOrganization: respondent,
    underDirectionOf: agent(doc.meta.respondingBody, 'Organization', 'responding-body'),
    relatedPaper:
      answered === null
        ? undefined
        : node({
            '@id': answeredUrl,
            '@type': 'Paper',
            reference: answered,
            name: doc.meta.title,
            originatorPerson: askers,
            originatorOrganization: faction,
          }),
    hasPart: [...doc.preambles, ...doc.questions, ...doc.answers].map((record) => part(record.id)),
    mentions: [
      ...[...byKey.values()].map(({ entity }) => entityIri(entity)),
      ...doc.amounts.map((_, index) => part(`amount-${index + 1}`)),
    ],
    citation: [...sourceNodes.keys()],
  });

  // Sections get their mentions and citations once every record has been seen.
  const withLinks = (section: JsonLdNode): JsonLdNode => {
    const iri = section['@id'];
    if (typeof iri !== 'string') return section;
    return node({ ...section, mentions: mentions.get(iri), citation: citations.get(iri) });
  };

  return {
    '@context': jsonLdContext,
    '@graph': [
      document,
      ...preambles.map(withLinks),
      ...questions.map(withLinks),
      ...answers.map(withLinks),
      ...entities,
      ...amounts,
      ...sourceNodes.values(),
    ],
  };
}

/** What a person or body named in the metadata may be. */
type AgentType = 'Person' | 'Organization';

/**
 * A person or body named in the metadata: a reference to the entity of that type carrying the name
 * (as its name or an alias) where there is one, else a node of its own under `<base>#<fragment>`.
 */
function agentNode(
  entities: readonly Entity[],
  part: (fragment: string) => string,
  agent: { name: string | null | undefined; type: AgentType; fragment: string },
  extra?: JsonLdNode,
): JsonLdNode | undefined {
  const { name, type, fragment } = agent;
  if (name === null || name === undefined || name === '') return undefined;
  const entity = entities.find(
    (candidate) => candidate.type === type && (candidate.name === name || candidate.aliases.includes(name)),
  );
  if (entity) return { '@id': entityIri(entity), ...extra };
  return { '@id': part(fragment), '@type': type, name, ...extra };
}

/** Whether a parliament name is the Bundestag's. */
function isBundestag(name: string | null | undefined): boolean {
  return name !== null && name !== undefined && bundestagPattern.test(name);
}

/** A money amount: its value, a range's bounds, the currency and what was printed. */
function amountNode(amount: Amount, iri: string): JsonLdNode {
  return node({
    '@id': iri,
    '@type': 'MonetaryAmount',
    name: amount.text,
    value: amount.value,
    minValue: amount.upper === undefined ? undefined : amount.value,
    maxValue: amount.upper,
    currency: amount.currency,
    description: amount.qualifier,
  });
}

/**
 * A cited source. Web sources are named by their address (when it is an absolute http(s) address),
 * Drucksachen by their official address where one is known; others by a numbered fragment. Pages
 * cited go to `schema:pagination`; on a node named by an address they gather from every citation.
 */
function sourceNode(source: Source, fallback: string, drucksacheUrl: (number: string) => string | undefined): JsonLdNode {
  switch (source.kind) {
    case 'url': {
      const address = absoluteWebAddress(source.url);
      return address === undefined
        ? node({
            '@id': fallback,
            '@type': 'CreativeWork',
            description: source.url ?? source.text,
            pagination: source.pages,
          })
        : node({ '@id': address, '@type': 'CreativeWork', url: address, pagination: source.pages });
    }
    case 'drucksache': {
      const address = source.url ?? (source.number === undefined ? undefined : drucksacheUrl(source.number));
      const iri = absoluteWebAddress(address);
      return node({
        '@id': iri ?? fallback,
        '@type': ['Paper', 'CreativeWork'],
        reference: source.number,
        name: source.number === undefined ? source.text : undefined,
        url: iri,
        pagination: source.pages,
      });
    }
    case 'publication':
      return node({ '@id': fallback, '@type': 'CreativeWork', name: source.title ?? source.text, pagination: source.pages });
    case 'law':
      return node({ '@id': fallback, '@type': 'Legislation', name: source.text });
  }
}

/** A web address usable as an IRI: absolute, http or https, normalised by the WHATWG URL parser. */
function absoluteWebAddress(address: string | undefined): string | undefined {
  if (address === undefined || !URL.canParse(address)) return undefined;
  const url = new URL(address);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** Links from a node to other nodes, in insertion order, without repeats. */
class LinkSet {
  readonly #links = new Map<string, Set<string>>();

  /** Record a link from `from` to `to`. */
  add(from: string, to: string): void {
    let targets = this.#links.get(from);
    if (!targets) {
      targets = new Set();
      this.#links.set(from, targets);
    }
    targets.add(to);
  }

  /** The links from a node. */
  get(from: string): string[] {
    return [...(this.#links.get(from) ?? [])];
  }
}

/** A node object without absent values: `undefined`, `null` and empty lists are left out. */
function node(properties: Readonly<Record<string, JsonLdValue | undefined>>): JsonLdNode {
  const result: JsonLdNode = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}
