import { describe, expect, it } from 'vitest';
import { matchIdentity, parseName, resolveArticleNames, type IdentityCandidate } from '../../../utils/sources/identity';
import { initialsAgree, nameKey } from '../../../utils/sources/names';
import type { EntityType } from '../../../utils/analysis/types';

const key = (name: string, type: EntityType = 'PER') => nameKey(parseName(name, type)!);
const resolve = (...names: Array<string | [string, EntityType]>) =>
  resolveArticleNames(
    names.map((n) => (typeof n === 'string' ? { name: n, type: 'PER' } : { name: n[0], type: n[1] })),
  );

describe('parseName', () => {
  it('strips titles, a nationality before a title, possessives and suffixes from people’s names', () => {
    expect(key('Foreign Minister Hu Ping')).toBe('PER:hu ping');
    expect(key('Norwegian Prime Minister Ola Brekke')).toBe('PER:ola brekke');
    expect(key('Sen. Marta Quill')).toBe(key('Marta Quill'));
    expect(key('Col. Ivo Dent')).toBe('PER:ivo dent');
    expect(key('Dr Ruth Amsel')).toBe('PER:ruth amsel');
    expect(key('Ms. Ruth Amsel’s')).toBe('PER:ruth amsel');
    expect(key("Tom Grady Jr.'s")).toBe('PER:tom grady');
    expect(parseName('Foreign Minister Hu Ping', 'PER')!.title).toBe('Foreign Minister');
  });
  it('never leaves a name empty, and keeps “of” out of the stripped title', () => {
    expect(key('Senator')).toBe('PER:senator');
    expect(key('Secretary of State Lena Orr')).toBe('PER:lena orr');
  });
  it('keeps an organisation’s first word even when it looks like a title', () => {
    expect(key('General Widgets', 'ORG')).toBe('ORG:general widgets');
    expect(key('General Widgets', 'PER')).toBe('PER:widgets');
  });
  it('does not take a given name ending like a nationality for one', () => {
    expect(key('Brian Tolle')).toBe('PER:brian tolle');
    expect(key('Adrian Kovač')).toBe('PER:adrian kovac');
  });
  it('folds names in capitals and diacritics', () => {
    const p = parseName('HU PING', 'PER')!;
    expect(nameKey(p)).toBe('PER:hu ping');
    expect(p.capitals).toBe(true);
    expect(key('José Núñez')).toBe('PER:jose nunez');
  });
  it('finds family names with particles, hyphenated prefixes and family-name-first order', () => {
    expect(parseName('Ana de la Vega', 'PER')).toMatchObject({
      family: 'de la vega',
      given: ['ana'],
      familyAlso: ['vega'],
    });
    expect(parseName('Pieter van Loon', 'PER')).toMatchObject({ family: 'van loon', familyAlso: ['loon'] });
    expect(parseName('Khalid bin Rashed', 'PER')).toMatchObject({ family: 'bin rashed' });
    expect(parseName('Omar al-Fayyad', 'PER')).toMatchObject({ family: 'al-fayyad', familyAlso: ['fayyad'] });
    expect(parseName('Zhou Lanfang', 'PER')!.familyAlso).toContain('zhou');
    expect(parseName('Park Min-seo', 'PER')!.familyAlso).toContain('park');
    expect(parseName('Tom Zhou', 'PER')!.familyAlso).toEqual([]);
  });
});

describe('initials', () => {
  const p = (n: string) => parseName(n, 'PER')!;
  it('agree with a spelled-out given name of the same family', () => {
    expect(initialsAgree(p('K. Brandt'), p('Karla Brandt'))).toBe(true);
    expect(initialsAgree(p('Karla M. Brandt'), p('K. Brandt'))).toBe(true);
  });
  it('never join two spelled-out given names, other initials or other families', () => {
    expect(initialsAgree(p('Karla Brandt'), p('Kurt Brandt'))).toBe(false);
    expect(initialsAgree(p('L. Brandt'), p('Karla Brandt'))).toBe(false);
    expect(initialsAgree(p('K. Brandt'), p('Karla Brant'))).toBe(false);
  });
});

describe('resolveArticleNames', () => {
  it('joins a title, a possessive and a family name alone to the article’s full name, with reasons', () => {
    const r = resolve('Hu Ping', 'Foreign Minister Hu Ping', 'Hu', "Hu's", 'HU PING');
    expect(r.get('Hu Ping')).toMatchObject({ reason: null, scope: 'global' });
    expect(r.get('Foreign Minister Hu Ping')!.reason).toEqual({
      code: 'title',
      text: 'title stripped (Foreign Minister)',
    });
    expect(r.get('Hu')!.reason).toEqual({ code: 'surname', text: 'surname in an article naming Hu Ping' });
    expect(r.get("Hu's")!.full.raw).toBe('Hu Ping');
    expect(r.get('HU PING')!.reason!.code).toBe('capitals');
  });
  it('joins a Western family name (last word) and Mr./Sen. with it', () => {
    const r = resolve('Marta Quill', 'Sen. Quill', 'Quill');
    expect(r.get('Sen. Quill')!.full.raw).toBe('Marta Quill');
    expect(r.get('Quill')!.scope).toBe('global');
  });
  it('keeps a shared family name apart when the article names two people with it', () => {
    const r = resolve('Ivo Dent', 'Lara Dent', 'Dent');
    expect(r.get('Dent')).toMatchObject({ scope: 'article', reason: { code: 'ambiguous' } });
    expect(r.get('Dent')!.reason!.text).toMatch(/Ivo Dent and Lara Dent/);
  });
  it('keeps a family name the article never gives in full to the article', () => {
    expect(resolve('Dent').get('Dent')).toMatchObject({ scope: 'article', reason: { code: 'alone' } });
  });
  it('never joins a person to an organisation of the same name', () => {
    const r = resolve(['Brandt', 'ORG'], 'Karla Brandt');
    expect(r.get('Brandt')!.full.type).toBe('ORG');
    expect(r.get('Brandt')!.scope).toBe('global');
  });
  it('uses particles: “Vega” and “de la Vega” are the article’s Ana de la Vega', () => {
    const r = resolve('Ana de la Vega', 'Vega', 'de la Vega');
    expect(r.get('Vega')!.full.raw).toBe('Ana de la Vega');
    expect(r.get('de la Vega')!.full.raw).toBe('Ana de la Vega');
    expect(resolve('Omar al-Fayyad', 'Fayyad').get('Fayyad')!.full.raw).toBe('Omar al-Fayyad');
  });
  it('joins initials within the article only when one full name fits', () => {
    expect(resolve('Karla Brandt', 'K. Brandt').get('K. Brandt')).toMatchObject({
      full: { raw: 'Karla Brandt' },
      reason: { code: 'initials' },
    });
    expect(resolve('Karla Brandt', 'Kurt Brandt', 'K. Brandt').get('K. Brandt')!.full.raw).toBe('K. Brandt');
  });
});

describe('matchIdentity across articles', () => {
  const c = (id: string, name: string, type: EntityType = 'PER'): IdentityCandidate => ({
    id,
    type,
    name,
    keys: [key(name, type)],
  });
  it('finds the identity of the same full name, explaining a title', () => {
    expect(matchIdentity(parseName('Premier Hu Ping', 'PER')!, [c('a', 'Hu Ping')])).toEqual({
      id: 'a',
      reason: { code: 'title', text: 'title stripped (Premier)' },
    });
  });
  it('never matches across types', () => {
    expect(matchIdentity(parseName('Jordan', 'LOC')!, [c('a', 'Jordan', 'PER')])).toBeNull();
  });
  it('matches initials only when exactly one candidate fits', () => {
    const jsmith = parseName('J. Smithers', 'PER')!;
    expect(matchIdentity(jsmith, [c('a', 'Joan Smithers')])).toMatchObject({ id: 'a', reason: { code: 'initials' } });
    expect(matchIdentity(jsmith, [c('a', 'Joan Smithers'), c('b', 'Jack Smithers')])).toBeNull();
    expect(matchIdentity(parseName('Joan Smithers', 'PER')!, [c('b', 'Jack Smithers')])).toBeNull();
  });
});
