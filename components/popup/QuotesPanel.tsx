import type { PageQuote } from '../../utils/messaging/protocol';
import type { PageHandle } from './use-page';

/** Quotations grouped by speaker, most quoted first; unattributed ones last. */
export function groupBySpeaker(quotes: PageQuote[]): { speaker: string | null; quotes: PageQuote[] }[] {
  const groups = new Map<string | null, PageQuote[]>();
  for (const q of quotes) groups.set(q.speaker, [...(groups.get(q.speaker) ?? []), q]);
  return [...groups]
    .map(([speaker, list]) => ({ speaker, quotes: list }))
    .sort((a, b) => (a.speaker === null ? 1 : b.speaker === null ? -1 : b.quotes.length - a.quotes.length));
}

/** The page's quotations by speaker; a click scrolls to the quotation. */
export function QuotesPanel({ page }: { page: PageHandle }) {
  const quotes = page.state?.quotes ?? [];
  if (quotes.length === 0) return <p class="empty">No direct quotations found in this article.</p>;
  return (
    <div class="groups">
      {groupBySpeaker(quotes).map((g) => (
        <section key={g.speaker ?? '?'} class="group" data-speaker={g.speaker ?? ''}>
          <h2>
            {g.speaker ?? 'Speaker unclear'} <span class="count">{g.quotes.length}</span>
          </h2>
          <ul>
            {g.quotes.map((q) => (
              <li key={q.index}>
                <button class="quote" onClick={() => void page.ask('page:reveal', { kind: 'quote', index: q.index })}>
                  “{q.text.replace(/[,;:\s]+$/, '')}”
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
