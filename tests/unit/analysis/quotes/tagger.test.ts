import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../../utils/analysis/quotes';
import type { EntityGroup, EntityMention } from '../../../../utils/analysis/types';

/** Mentions of `names` in `text`, each pointing at the group given for it. */
function tag(text: string, names: [string, number][]): EntityMention[] {
  const out: EntityMention[] = [];
  for (const [name, group] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      out.push({ start: at, end: at + name.length, text: name, type: 'PER', group });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

describe('with the tagger’s entities', () => {
  it('uses the coreference group for the fullest name', () => {
    const text = 'Li Na met reporters on Monday.\n\n"We are ready," Li said.';
    const groups: EntityGroup[] = [{ type: 'PER', name: 'Li Na', mentions: [] }];
    const said = text.lastIndexOf('Li');
    const entities: EntityMention[] = [
      { start: 0, end: 5, text: 'Li Na', type: 'PER', group: 0 },
      { start: said, end: said + 2, text: 'Li', type: 'PER', group: 0 },
    ];
    expect(findQuotes(text, entities, groups).map((q) => q.speaker)).toEqual(['Li Na']);
  });

  it('resolves pronouns to people the tagger found, even without first names it knows', () => {
    const text = 'Oksana Bilyk spoke on Monday.\n\n"We are ready," she said.';
    const groups: EntityGroup[] = [{ type: 'PER', name: 'Oksana Bilyk', mentions: [] }];
    expect(findQuotes(text, tag(text, [['Oksana Bilyk', 0]]), groups).map((q) => q.speaker)).toEqual(['Oksana Bilyk']);
  });

  it('ignores a group name that does not fit the mention', () => {
    const text = 'Dana Reyes arrived.\n\n"We are ready," Reyes said.';
    const groups: EntityGroup[] = [{ type: 'PER', name: 'Agence France-Presse', mentions: [] }];
    expect(findQuotes(text, tag(text, [['Reyes', 0]]), groups).map((q) => q.speaker)).toEqual(['Dana Reyes']);
  });
});
