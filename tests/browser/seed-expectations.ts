/** What Gloss must find on the seed article, in both browsers. */
import { expect } from 'vitest';

export const SEED_QUOTES = [
  'Fairness and justice must be upheld, and the right to subsistence and development should be prioritized as fundamental human rights,',
  "We must insist on exchanges and mutual learning. We must also firmly reject any actions or rhetoric that seek to impose one's own models and preferences on others, or politicize, exploit and weaponize human rights,",
];

/** Names that must be painted, by highlight layer suffix. */
export const SEED_ENTITIES: Record<string, string[]> = {
  per: ['Wang Yi', 'Wang'],
  loc: ['China', 'BEIJING'],
  org: [
    'Xinhua',
    'United Nations Human Rights Council',
    'Political Bureau of the Communist Party of China Central Committee',
  ],
};

/** Checks the seed article's painted layers (`readHighlights`): both quotations in order, and every name. */
export function expectSeedPainted(layers: Record<string, string[]>): void {
  expect(layers['gloss-quote']).toEqual(SEED_QUOTES);
  for (const [type, names] of Object.entries(SEED_ENTITIES)) {
    for (const name of names) expect(layers[`gloss-${type}`] ?? [], `${type} ${name}`).toContain(name);
  }
}
