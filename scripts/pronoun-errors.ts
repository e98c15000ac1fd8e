/**
 * The labelled pronoun quotations of the TUNING part that the analysis does not get right:
 * `npx tsx scripts/pronoun-errors.ts`. The held-back part is never listed (see `npm run eval`).
 */
import { corpusPath } from './lib/corpus';
import { judgePronouns } from './lib/pronoun-scores';

const results = judgePronouns(corpusPath());
if (!results) {
  console.log('pronoun-errors: the labelled pages are not in the corpus');
} else {
  for (const r of results) {
    if (r.part !== 'tuning' || r.verdict === 'right') continue;
    console.log(
      `${r.verdict} ${r.item.set}/${r.item.page} gold=${JSON.stringify(r.item.speaker)} pred=${JSON.stringify(r.predicted)} quote=${JSON.stringify(r.item.quote)}`,
    );
  }
}
