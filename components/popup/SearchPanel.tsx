import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation } from '../../utils/db/types';
import { annotationSearch } from '../../utils/db/store';
import { popupDb } from './db';
import { LibraryLink } from './LibraryLink';
import { NoteItem } from './NoteItem';

/** Searches every saved highlight, note and tag; every word must match the start of a word. */
export function SearchPanel() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Annotation[] | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // One searcher while the popup is open: its word index is read once, at the first search.
  const [search] = useState(() => annotationSearch(popupDb()));
  // `autofocus` is ignored when the panel is rendered after the popup loaded (the attribute applies at
  // page load only, and Chrome gives a popup's document the focus late): focus from script, after the
  // popup's window has it.
  useEffect(() => {
    const focus = () => input.current?.focus();
    focus();
    const frame = requestAnimationFrame(focus);
    window.addEventListener('focus', focus, { once: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('focus', focus);
    };
  }, []);
  useEffect(() => {
    let live = true;
    const q = query.trim();
    if (!q) return setResults(null);
    const timer = setTimeout(() => {
      void search(q).then((found) => live && setResults(found));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, search]);
  return (
    <div>
      <input
        type="search"
        class="search"
        placeholder="Search all your notes"
        aria-label="Search all your notes"
        value={query}
        ref={input}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {results === null ? (
        <p class="empty">
          Type to search your highlights, notes and tags on every page, or open the <LibraryLink /> for filters and
          editing.
        </p>
      ) : results.length === 0 ? (
        <p class="empty">Nothing matches “{query.trim()}”.</p>
      ) : (
        <ul class="notes">
          {results.map((a) => (
            <NoteItem key={a.id} annotation={a} source={a.url} />
          ))}
        </ul>
      )}
    </div>
  );
}
