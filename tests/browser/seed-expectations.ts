/** What Gloss must find on the seed article, in both browsers. */

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
