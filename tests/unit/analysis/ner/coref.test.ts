import { describe, expect, it } from 'vitest';
import { resolveEntities } from '../../../../utils/analysis/ner';
import type { EntityMention, EntityType } from '../../../../utils/analysis/types';

/** Mentions of the given names, in order of appearance, found by exact search. */
function mentions(text: string, names: [string, EntityType][]): EntityMention[] {
  const out: EntityMention[] = [];
  let from = 0;
  for (const [name, type] of names) {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in text`);
    out.push({ start, end: start + name.length, text: name, type });
    from = start + name.length;
  }
  return out;
}

const names = (text: string, r: ReturnType<typeof resolveEntities>) =>
  r.groups.map((g) => [g.type, g.name, g.mentions.map((m) => text.slice(m.start, m.end))]);

describe('resolveEntities', () => {
  it('groups a surname with the full name, keeps first mention and order', () => {
    const text = 'Foreign Minister Wang Yi spoke in Geneva. Wang said China would help. “We agree,” Wang’s aide said.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['Wang Yi', 'PER'],
        ['Geneva', 'LOC'],
        ['Wang', 'PER'],
        ['China', 'LOC'],
        ['Wang', 'PER'],
      ]),
    );
    expect(names(text, r)).toEqual([
      ['PER', 'Wang Yi', ['Wang Yi', 'Wang', 'Wang']],
      ['LOC', 'Geneva', ['Geneva']],
      ['LOC', 'China', ['China']],
    ]);
    expect(r.entities.map((e) => e.group)).toEqual([0, 1, 0, 2, 0]);
  });

  it('links a short form that comes before the full name (a headline)', () => {
    const text = 'Wang Urges Dialogue\n\nChinese Foreign Minister Wang Yi said on Monday...';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['Wang', 'PER'],
        ['Chinese', 'MISC'],
        ['Wang Yi', 'PER'],
      ]),
    );
    const full = text.indexOf('Wang Yi');
    expect(r.groups.find((g) => g.type === 'PER')).toEqual({
      type: 'PER',
      name: 'Wang Yi',
      mentions: [
        { start: 0, end: 4 },
        { start: full, end: full + 7 },
      ],
    });
  });

  it('links a surname to the nearest preceding person of that name', () => {
    const text = 'Bill Clinton met Hillary Clinton. Later Hillary Clinton spoke, and Clinton said she would run.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['Bill Clinton', 'PER'],
        ['Hillary Clinton', 'PER'],
        ['Hillary Clinton', 'PER'],
        ['Clinton', 'PER'],
      ]),
    );
    expect(names(text, r)).toEqual([
      ['PER', 'Bill Clinton', ['Bill Clinton']],
      ['PER', 'Hillary Clinton', ['Hillary Clinton', 'Hillary Clinton', 'Clinton']],
    ]);
  });

  it('links acronyms and shortened organisation names, and lower-case descriptions', () => {
    const text =
      'The United Nations Human Rights Council opened its session. The council heard the World Health Organization. ' +
      'WHO officials and the Human Rights Council agreed; the U.N. was not mentioned.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['United Nations Human Rights Council', 'ORG'],
        ['World Health Organization', 'ORG'],
        ['WHO', 'ORG'],
        ['Human Rights Council', 'ORG'],
        ['U.N.', 'ORG'],
      ]),
    );
    expect(names(text, r)).toEqual([
      [
        'ORG',
        'United Nations Human Rights Council',
        ['United Nations Human Rights Council', 'The council', 'Human Rights Council'],
      ],
      ['ORG', 'World Health Organization', ['World Health Organization', 'WHO']],
      ['ORG', 'U.N.', ['U.N.']],
    ]);
    // Descriptions are group mentions only: the entity list is what the tagger found.
    expect(r.entities).toHaveLength(5);
  });

  it('links an acronym to a name it abbreviates', () => {
    const text = 'The United Nations said... The U.N. envoy and UN staff left.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['United Nations', 'ORG'],
        ['U.N.', 'ORG'],
        ['UN', 'ORG'],
      ]),
    );
    expect(names(text, r)).toEqual([['ORG', 'United Nations', ['United Nations', 'U.N.', 'UN']]]);
  });

  it('does not link names of different types or unrelated words', () => {
    const text = 'Jordan beat Syria. Michael Jordan watched from the Jordan River bank.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['Jordan', 'LOC'],
        ['Syria', 'LOC'],
        ['Michael Jordan', 'PER'],
        ['Jordan River', 'LOC'],
      ]),
    );
    expect(names(text, r)).toEqual([
      ['LOC', 'Jordan', ['Jordan']],
      ['LOC', 'Syria', ['Syria']],
      ['PER', 'Michael Jordan', ['Michael Jordan']],
      ['LOC', 'Jordan River', ['Jordan River']],
    ]);
  });

  it('names a group by its fullest mention, not by a headline in capitals', () => {
    const text = 'CHINA HOSTS TALKS\n\nChina said on Monday it would host the talks.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['CHINA', 'LOC'],
        ['China', 'LOC'],
      ]),
    );
    expect(names(text, r)).toEqual([['LOC', 'China', ['CHINA', 'China']]]);
  });

  it('writes a place named only in capitals (a dateline) as a name, but keeps acronyms', () => {
    const text = 'NEW YORK, May 2 (AP) -- The US and NATO met in UNESCO offices.';
    const r = resolveEntities(
      text,
      mentions(text, [
        ['NEW YORK', 'LOC'],
        ['AP', 'ORG'],
        ['US', 'LOC'],
        ['NATO', 'ORG'],
        ['UNESCO', 'ORG'],
      ]),
    );
    expect(r.groups.map((g) => g.name)).toEqual(['New York', 'AP', 'US', 'NATO', 'UNESCO']);
    expect(r.entities[0].text).toBe('NEW YORK');
  });

  it('handles no mentions', () => {
    expect(resolveEntities('Nothing here.', [])).toEqual({ entities: [], groups: [] });
  });
});
