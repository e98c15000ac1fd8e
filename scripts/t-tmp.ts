import { findQuotes } from '/work/wt-speakers/utils/analysis/quotes';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(findQuotes(t, [], []).map((q) => [q.text, q.speaker])));
