import { useEffect, useRef } from 'preact/hooks';
import type { LibraryQuery } from '../../utils/library/query';

type Props = {
  query: LibraryQuery;
  onChange: (q: LibraryQuery) => void;
  tags: string[];
  sites: string[];
};

/** The search box and the filters: tag, site, date range. Every change applies at once. */
export function Filters({ query, onChange, tags, sites }: Props) {
  const search = useRef<HTMLInputElement>(null);
  // Focus from script: `autofocus` is not honoured in every extension page.
  useEffect(() => search.current?.focus(), []);
  const set = (change: Partial<LibraryQuery>) => onChange({ ...query, ...change });
  const filtered = query.tag || query.site || query.from || query.to;
  return (
    <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
      <input
        ref={search}
        id="library-search"
        type="search"
        placeholder="Search quotes, notes, tags, titles, sites"
        aria-label="Search your highlights"
        value={query.text}
        onInput={(e) => set({ text: e.currentTarget.value })}
      />
      <label>
        Tag
        <select aria-label="Filter by tag" value={query.tag} onChange={(e) => set({ tag: e.currentTarget.value })}>
          <option value="">Any</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        Site
        <input
          list="library-sites"
          aria-label="Filter by site"
          value={query.site}
          placeholder="Any"
          size={14}
          onInput={(e) => set({ site: e.currentTarget.value })}
        />
        <datalist id="library-sites">
          {sites.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      {/* The two dates wrap together, never From on one line and To on the next. */}
      <span class="filter-dates" role="group" aria-label="Dates">
        <label>
          From
          <input
            type="date"
            aria-label="From date"
            value={query.from}
            onChange={(e) => set({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            aria-label="To date"
            value={query.to}
            onChange={(e) => set({ to: e.currentTarget.value })}
          />
        </label>
      </span>
      {filtered && (
        <button type="button" onClick={() => set({ tag: '', site: '', from: '', to: '' })}>
          Clear filters
        </button>
      )}
    </form>
  );
}
