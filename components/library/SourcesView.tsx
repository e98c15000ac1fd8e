import { useEffect, useRef, useState } from 'preact/hooks';
import { passageUrl } from '../../utils/export/text-fragment';
import { sendToBackground } from '../../utils/messaging/client';
import type { SourcesSettings } from '../../utils/settings';
import type { CitedQuote, MentioningArticle, ResultPage } from '../../utils/sources/queries';
import { selectorOf, type Identity } from '../../utils/sources/types';
import { SourcesPrivacy } from './SourcesPrivacy';

/** What the left column lists: speakers by quotations, or one type of name by mentions. */
type Kind = 'speakers' | 'PER' | 'ORG' | 'LOC';
const KINDS: { id: Kind; label: string }[] = [
  { id: 'speakers', label: 'Speakers' },
  { id: 'PER', label: 'People' },
  { id: 'ORG', label: 'Organisations' },
  { id: 'LOC', label: 'Places' },
];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const span = (i: Identity) => (i.first ? (i.first === i.last ? i.first : `${i.first} – ${i.last}`) : '');
const articleDay = (a: CitedQuote['article']) => (a.published ? a.published.slice(0, 10) : a.date);
const dayOf = (c: CitedQuote) => articleDay(c.article);

/** Entries asked for at a time: the first page paints at once; "Show more" asks for the next. */
const PAGE = 50;
/** Most entries asked for again in one request after a correction (the store's largest page). */
const MAX_PAGE = 500;

/** How many entries to ask for: as many as shown when the list is the same one (`key`), else one page. */
function sized(last: { current: string }, key: string, shown: number): number {
  const same = last.current === key;
  last.current = key;
  return same ? Math.min(MAX_PAGE, Math.max(PAGE, shown)) : PAGE;
}

/** Gloss's Sources: who said what across every article the reader read, with corrections, exports and privacy. */
export function SourcesView() {
  const [settings, setSettings] = useState<SourcesSettings | null>(null);
  const [kind, setKind] = useState<Kind>('speakers');
  const [list, setList] = useState<ResultPage<Identity> | null>(null);
  const [nameFilter, setNameFilter] = useState('');
  const [selected, setSelected] = useState<Identity | null>(null);
  const [query, setQuery] = useState('');
  const [quotes, setQuotes] = useState<ResultPage<CitedQuote> | null>(null);
  /** The search words the quotations shown answer (for tests and benchmarks: `data-results-for`). */
  const [answered, setAnswered] = useState('');
  const [articles, setArticles] = useState<ResultPage<MentioningArticle> | null>(null);
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);
  const askedList = useRef(0);
  const askedQuotes = useRef(0);
  const askedArticles = useRef(0);
  const shown = useRef({ list: 0, quotes: 0, articles: 0 });
  shown.current = {
    list: list?.items.length ?? 0,
    quotes: quotes?.items.length ?? 0,
    articles: articles?.items.length ?? 0,
  };
  const refresh = () => setVersion((n) => n + 1);
  /** What each list last showed: asked again (a correction), it keeps as many entries; anew, one page. */
  const lastList = useRef('');
  const lastQuotes = useRef('');
  const lastArticles = useRef('');

  useEffect(() => {
    void sendToBackground('sources:settings', {}).then(setSettings, (e) => setStatus(message(e)));
  }, []);

  /** The list of identities from `offset` (0: anew, replacing it; else the next page, appended). */
  const loadList = (offset: number, limit = PAGE) => {
    const ask = offset === 0 ? ++askedList.current : askedList.current;
    const name = nameFilter.trim() || undefined;
    const load =
      kind === 'speakers'
        ? sendToBackground('sources:speakers', { offset, limit, name })
        : sendToBackground('sources:entities', { type: kind, offset, limit, name });
    return load.then(
      (page) => {
        if (ask !== askedList.current) return;
        setList((before) => (offset && before ? { ...page, items: [...before.items, ...page.items] } : page));
        // The selected identity's counts change with corrections; one merged away is no longer there.
        if (offset === 0 && !name) setSelected((s) => (s ? (page.items.find((i) => i.id === s.id) ?? null) : null));
      },
      (e) => setStatus(message(e)),
    );
  };
  useEffect(
    () => void loadList(0, sized(lastList, `${kind}|${nameFilter}`, shown.current.list)),
    [kind, version, nameFilter],
  );
  // The quotation index is built in the background once the first list has painted (it would slow that list).
  const prepared = useRef(false);
  useEffect(() => {
    if (!list || prepared.current) return;
    prepared.current = true;
    requestAnimationFrame(() => setTimeout(() => void sendToBackground('sources:prepare', {}).catch(() => {})));
  }, [list]);

  // Quotations: the selected speaker's (searched when words are typed), or a search of every quotation.
  const speakerId = selected && selected.quoteCount > 0 ? selected.id : undefined;
  const loadQuotes = (offset: number, limit = PAGE) => {
    const ask = offset === 0 ? ++askedQuotes.current : askedQuotes.current;
    if (!speakerId && !query.trim()) {
      setQuotes(null);
      setAnswered(query);
      return Promise.resolve();
    }
    return sendToBackground('sources:search', { query, speakerId, offset, limit }).then(
      (page) => {
        if (ask !== askedQuotes.current) return;
        setQuotes((before) => (offset && before ? { ...page, items: [...before.items, ...page.items] } : page));
        setAnswered(query);
      },
      (e) => ask === askedQuotes.current && setStatus(message(e)),
    );
  };
  useEffect(
    () => void loadQuotes(0, sized(lastQuotes, `${speakerId}|${query}`, shown.current.quotes)),
    [speakerId, selected?.quoteCount, query, version],
  );

  // The articles that mention the selected person, organisation or place.
  const mentionedId = selected && selected.mentionCount > 0 ? selected.id : undefined;
  const loadArticles = (offset: number, limit = PAGE) => {
    const ask = offset === 0 ? ++askedArticles.current : askedArticles.current;
    if (!mentionedId) return Promise.resolve(setArticles(null));
    return sendToBackground('sources:identity-articles', { id: mentionedId, offset, limit }).then(
      (page) => {
        if (ask !== askedArticles.current) return;
        setArticles((before) => (offset && before ? { ...page, items: [...before.items, ...page.items] } : page));
      },
      (e) => ask === askedArticles.current && setStatus(message(e)),
    );
  };
  useEffect(
    () => void loadArticles(0, sized(lastArticles, String(mentionedId), shown.current.articles)),
    [mentionedId, selected?.mentionCount, version],
  );

  const act = async (done: string, run: () => Promise<unknown>) => {
    try {
      await run();
      setStatus(done);
      refresh();
    } catch (e) {
      setStatus(`Not done: ${message(e)}`);
    }
  };
  const keep = async (c: CitedQuote) => {
    try {
      const { already } = await sendToBackground('sources:keep', { quoteId: c.quote.id });
      setStatus(
        already
          ? 'Already kept as your highlight: it is in Highlights and on the article.'
          : 'Kept as your highlight: it is in Highlights and on the article.',
      );
      setQuotes(
        (page) =>
          page && {
            ...page,
            items: page.items.map((i) => (i.quote.id === c.quote.id ? { ...i, kept: true } : i)),
          },
      );
    } catch (e) {
      setStatus(`Not done: ${message(e)}`);
    }
  };
  const heading = selected
    ? `Quotations of ${selected.name}${query.trim() ? ` matching “${query.trim()}”` : ''}`
    : `Quotations matching “${query.trim()}”`;
  /** Every quotation the list answers, not only those shown: read page after page. */
  const everyQuote = async (): Promise<CitedQuote[]> => {
    const all: CitedQuote[] = [];
    for (;;) {
      const page = await sendToBackground('sources:search', { query, speakerId, offset: all.length, limit: MAX_PAGE });
      all.push(...page.items);
      if (page.items.length === 0 || all.length >= page.total) return all;
    }
  };
  const doExport = async (format: 'markdown' | 'csv') => {
    if (!quotes) return;
    try {
      // The export code is loaded when first used: the view opens without it.
      const [all, { exportSources }] = await Promise.all([everyQuote(), import('../../utils/library/exports')]);
      setStatus(`Exported ${plural(all.length, 'quotation')} to ${exportSources(format, heading, all)}.`);
    } catch (e) {
      setStatus(`Nothing was exported: ${message(e)}`);
    }
  };
  const speakers = kind === 'speakers' ? (list?.items ?? []) : [];
  const more = (page: ResultPage<unknown> | null) => !!page && page.items.length < page.total;

  if (settings?.remember === 'unset') {
    return (
      <div class="sources">
        <Consent onChoose={setSettings} />
        <p class="snackbar-area" role="status">
          {status}
        </p>
      </div>
    );
  }
  const quoteSection = (
    <>
      <p class="summary" id="sources-count" aria-live="polite">
        {quotes
          ? `${quotes.atLeast ? 'At least ' : ''}${plural(quotes.total, 'quotation')}${quotes.total > quotes.items.length ? ` (the newest ${quotes.items.length.toLocaleString()} shown)` : ''}`
          : ''}
      </p>
      {!quotes ? (
        !articles && (
          <div class="empty">
            <p>Choose a speaker, or type words to search every quotation.</p>
          </div>
        )
      ) : quotes.items.length === 0 ? (
        <p class="empty">No quotation matches “{query.trim()}”.</p>
      ) : (
        <>
          <ol class="quotes" aria-label="Quotations, newest first">
            {quotes.items.map((c, n) => (
              <QuoteItem
                key={c.quote.id}
                index={n}
                cited={c}
                speakers={speakers}
                onKeep={() => void keep(c)}
                onDrop={() =>
                  void act('Dropped: it is no longer counted as a quotation.', () =>
                    sendToBackground('sources:drop', { quoteId: c.quote.id }),
                  )
                }
                onReassign={(speaker) =>
                  void act(speaker ? 'Quotation reassigned.' : 'Quotation marked as of an unknown speaker.', () =>
                    sendToBackground('sources:reassign', { quoteId: c.quote.id, speaker }),
                  )
                }
              />
            ))}
          </ol>
          {more(quotes) && (
            <ShowMore
              label="Show more quotations"
              list=".quotes > li"
              from={quotes.items.length}
              onMore={() => loadQuotes(quotes.items.length)}
            />
          )}
        </>
      )}
    </>
  );
  const articleSection = selected && articles && (
    <section class="mentioning" aria-labelledby="mentioning-title">
      <h3 id="mentioning-title">
        Articles that mention {selected.name} ({plural(articles.total, 'article')})
      </h3>
      <ol class="articles">
        {articles.items.map((m) => (
          <li key={m.article.url} class="mentioning-article">
            <a
              href={passageUrl(m.article.url, { exact: m.name, prefix: '', suffix: '' })}
              target="_blank"
              rel="noopener"
            >
              {m.article.title || m.article.url}
            </a>
            <span class="mention-cite">
              {m.article.publisher && `${m.article.publisher}, `}
              <time dateTime={articleDay(m.article)}>{articleDay(m.article)}</time>
              {' · '}
              {plural(m.count, 'mention')}
            </span>
          </li>
        ))}
      </ol>
      {more(articles) && (
        <ShowMore
          label="Show more articles"
          list=".articles > li"
          from={articles.items.length}
          onMore={() => loadArticles(articles.items.length)}
        />
      )}
    </section>
  );
  return (
    <div class="sources">
      {settings?.remember === 'off' && (
        <p class="sources-note" role="note">
          Gloss is not remembering the articles you read. What it remembered before stays here until you forget it.{' '}
          <button
            type="button"
            onClick={() => void sendToBackground('sources:settings', { remember: true }).then(setSettings)}
          >
            Remember sources
          </button>
        </p>
      )}
      <div class="sources-bar">
        <label>
          <span class="visually-hidden">Search quotations</span>
          <input
            type="search"
            placeholder={selected ? `Search ${selected.name}’s quotations` : 'Search every quotation'}
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
            aria-describedby="sources-count"
          />
        </label>
        <span role="group" aria-label="Export these quotations">
          Export
          <button type="button" disabled={!quotes?.items.length} onClick={() => void doExport('markdown')}>
            Markdown
          </button>
          <button type="button" disabled={!quotes?.items.length} onClick={() => void doExport('csv')}>
            CSV
          </button>
        </span>
      </div>
      <div class="sources-body">
        <section class="sources-list" aria-label="Who is quoted and named">
          <div role="radiogroup" aria-label="List" class="sources-kinds">
            {KINDS.map((k) => (
              <label key={k.id}>
                <input
                  type="radio"
                  name="sources-kind"
                  checked={kind === k.id}
                  onChange={() => {
                    setKind(k.id);
                    setSelected(null);
                  }}
                />
                {k.label}
              </label>
            ))}
          </div>
          <label>
            <span class="visually-hidden">Find a name</span>
            <input
              type="search"
              placeholder="Find a name"
              value={nameFilter}
              onInput={(e) => setNameFilter(e.currentTarget.value)}
            />
          </label>
          {!list ? (
            <p class="empty">Loading…</p>
          ) : list.total === 0 && !nameFilter.trim() ? (
            <div class="empty">
              <p>{kind === 'speakers' ? 'No quotations remembered yet.' : 'No names of this kind remembered yet.'}</p>
              <p>
                {settings?.remember === 'on'
                  ? 'Read a news article: the people it quotes and the names it mentions appear here.'
                  : 'Turn on “Remember sources” below to keep them as you read.'}
              </p>
            </div>
          ) : list.total === 0 ? (
            <p class="empty">No name matches “{nameFilter.trim()}”.</p>
          ) : (
            <>
              <p class="list-count">
                {plural(list.total, kind === 'speakers' ? 'speaker' : 'name')}
                {list.total > list.items.length && ` (${list.items.length.toLocaleString()} shown)`}
              </p>
              <ul class="identities">
                {list.items.map((i) => (
                  <li key={i.id}>
                    <button
                      type="button"
                      class="identity"
                      aria-pressed={selected?.id === i.id}
                      data-identity={i.name}
                      onClick={() => setSelected(selected?.id === i.id ? null : i)}
                    >
                      <span class="identity-name">{i.name}</span>
                      <span class="identity-meta">
                        {kind === 'speakers'
                          ? `${plural(i.quoteCount, 'quotation')} · ${plural(i.quoteArticles, 'article')}`
                          : `${plural(i.mentionCount, 'mention')} · ${plural(i.mentionArticles, 'article')}`}
                        {span(i) && (
                          <>
                            {' · '}
                            <span class="nowrap">{span(i)}</span>
                          </>
                        )}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {more(list) && (
                <ShowMore
                  label={kind === 'speakers' ? 'Show more speakers' : 'Show more names'}
                  list=".identities > li"
                  from={list.items.length}
                  onMore={() => loadList(list.items.length)}
                />
              )}
            </>
          )}
        </section>
        <section
          class="sources-quotes"
          aria-label={selected ? `${selected.name}` : 'Quotations'}
          data-results-for={answered}
        >
          {selected && (
            <IdentityHead
              identity={selected}
              others={(list?.items ?? []).filter((i) => i.id !== selected.id)}
              onMerge={(into) =>
                act(`Merged ${selected.name} into ${into.name}.`, async () =>
                  setSelected(await sendToBackground('sources:merge', { from: selected.id, into: into.id })),
                )
              }
              onSplit={(name) =>
                act(`“${name}” is now a speaker of its own.`, () =>
                  sendToBackground('sources:split', { id: selected.id, name }),
                )
              }
            />
          )}
          {selected && selected.quoteCount === 0 && !query.trim() && (
            <p class="empty">{`${selected.name} is named ${plural(selected.mentionCount, 'time')} but not quoted.`}</p>
          )}
          {kind === 'speakers' ? (
            <>
              {quoteSection}
              {articleSection}
            </>
          ) : (
            <>
              {articleSection}
              {quoteSection}
            </>
          )}
        </section>
      </div>
      <SourcesPrivacy
        settings={settings}
        onSettings={setSettings}
        onForgotten={refresh}
        onStatus={setStatus}
        ready={list !== null}
      />
      <div class="snackbar-area" role="status" aria-live="polite">
        {status && <div class="snackbar">{status}</div>}
      </div>
    </div>
  );
}

/**
 * "Show more": asks for the next page; the keyboard's focus then goes to the
 * first new entry (its first control), so the reader reads on from there
 * (the button itself is gone once every entry is listed).
 */
function ShowMore({
  label,
  list,
  from,
  onMore,
}: {
  label: string;
  list: string;
  from: number;
  onMore: () => Promise<unknown>;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const more = async () => {
    const scope = button.current?.closest('section');
    await onMore();
    requestAnimationFrame(() => {
      const entry = scope?.querySelectorAll<HTMLElement>(list)[from];
      (entry?.querySelector<HTMLElement>('button, a') ?? entry)?.focus();
    });
  };
  return (
    <button ref={button} type="button" class="show-more" onClick={() => void more()}>
      {label}
    </button>
  );
}

/** The first time: what Sources keeps, and the reader's choice. */
export function Consent({ onChoose }: { onChoose: (s: SourcesSettings) => void }) {
  const choose = (remember: boolean) => void sendToBackground('sources:settings', { remember }).then(onChoose);
  return (
    <section class="consent" aria-labelledby="consent-title">
      <h2 id="consent-title">Remember who said what?</h2>
      <p>
        Gloss can remember, for each news article you read, its title, publisher, author, date and address, its
        quotations with who said them, and the people, organisations and places it names. Then this view lists every
        quotation of a person across everything you have read.
      </p>
      <p>
        It is kept in this browser only and never sent anywhere. You can turn it off, leave sites out, and forget one
        article, one site or everything, here at any time.
      </p>
      <div class="consent-actions">
        <button type="button" class="primary" onClick={() => choose(true)}>
          Remember sources
        </button>
        <button type="button" onClick={() => choose(false)}>
          No thanks
        </button>
      </div>
    </section>
  );
}

/** The selected identity: its spellings, and the merge and split corrections. */
function IdentityHead({
  identity,
  others,
  onMerge,
  onSplit,
}: {
  identity: Identity;
  others: Identity[];
  onMerge: (into: Identity) => void;
  onSplit: (name: string) => void;
}) {
  const [into, setInto] = useState('');
  const [part, setPart] = useState('');
  const variants = identity.variants.filter((v) => v.name !== identity.name);
  return (
    <div class="identity-head">
      <h2>{identity.name}</h2>
      {variants.length > 0 && (
        <p class="identity-variants">
          Also written{' '}
          {variants.map((v, n) => (
            <span key={v.name} title={v.reason.text}>
              {n > 0 && ', '}“{v.name}”
            </span>
          ))}
        </p>
      )}
      <div class="row-form">
        <label>
          Merge into
          <select value={into} onChange={(e) => setInto(e.currentTarget.value)}>
            <option value="">another…</option>
            {others
              .filter((o) => o.type === identity.type)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!into}
          onClick={() => {
            const target = others.find((o) => o.id === into);
            if (target) onMerge(target);
            setInto('');
          }}
        >
          Merge
        </button>
        {variants.length > 0 && (
          <>
            <label>
              Split off
              <select value={part} onChange={(e) => setPart(e.currentTarget.value)}>
                <option value="">a spelling…</option>
                {variants.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              disabled={!part}
              onClick={() => {
                onSplit(part);
                setPart('');
              }}
            >
              Split
            </button>
          </>
        )}
      </div>
    </div>
  );
}

/** One quotation with its citation, its link to the passage and its corrections. */
function QuoteItem({
  cited,
  index,
  speakers,
  onKeep,
  onDrop,
  onReassign,
}: {
  cited: CitedQuote;
  index: number;
  speakers: Identity[];
  onKeep: () => void;
  onDrop: () => void;
  onReassign: (speaker: { id: string } | { name: string } | null) => void;
}) {
  const { quote, article, speakerName } = cited;
  const [reassigning, setReassigning] = useState(false);
  const [name, setName] = useState('');
  const link = passageUrl(article.url, selectorOf(quote));
  const submit = (e: Event) => {
    e.preventDefault();
    const typed = name.trim();
    if (!typed) return;
    const known = speakers.find((s) => s.name.toLowerCase() === typed.toLowerCase());
    onReassign(known ? { id: known.id } : { name: typed });
    setReassigning(false);
  };
  return (
    <li class="quote" data-quote={quote.id} data-index={index}>
      <blockquote>“{quote.text.replace(/[\s,;:]+$/u, '')}”</blockquote>
      <p class="quote-cite">
        — <span class="quote-speaker">{speakerName ?? 'Unknown speaker'}</span>
        {quote.corrected === 'reassigned' && <span class="quote-corrected"> (corrected by you)</span>},{' '}
        <a href={link} target="_blank" rel="noopener" class="quote-link">
          {article.title || article.url}
        </a>
        {article.publisher && `, ${article.publisher}`}, <time dateTime={dayOf(cited)}>{dayOf(cited)}</time>
      </p>
      <div class="quote-actions" role="group" aria-label="This quotation">
        {cited.kept ? (
          <button type="button" class="small" disabled>
            Kept as highlight
          </button>
        ) : (
          <button type="button" class="small" onClick={onKeep}>
            Keep as highlight
          </button>
        )}
        <button type="button" class="small" aria-expanded={reassigning} onClick={() => setReassigning(!reassigning)}>
          Reassign…
        </button>
        <button type="button" class="small" onClick={onDrop}>
          Not a quotation
        </button>
      </div>
      {reassigning && (
        <form class="row-form" onSubmit={submit}>
          <label>
            Said by
            <input
              list="sources-speaker-names"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              placeholder="A speaker’s name"
            />
          </label>
          <datalist id="sources-speaker-names">
            {speakers.map((s) => (
              <option key={s.id} value={s.name} />
            ))}
          </datalist>
          <button type="submit" class="small" disabled={!name.trim()}>
            Reassign
          </button>
          <button type="button" class="small" onClick={() => (onReassign(null), setReassigning(false))}>
            Unknown speaker
          </button>
        </form>
      )}
    </li>
  );
}
