import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type View = 'highlights' | 'sources';
const VIEWS: { id: View; label: string }[] = [
  { id: 'highlights', label: 'Highlights' },
  { id: 'sources', label: 'Sources' },
];
/** The views' components, once their modules are loaded. */
type Loaded = {
  highlights?: FunctionComponent<{ tabs: ComponentChildren }>;
  sources?: FunctionComponent;
};
const viewOfHash = (): View => (location.hash === '#sources' ? 'sources' : 'highlights');

/** "Highlights | Sources": the library's two views, as tabs (arrow keys move between them); kept in the URL's hash. */
function ViewTabs({ view, onView }: { view: View; onView: (v: View) => void }) {
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = view === 'highlights' ? 'sources' : 'highlights';
    onView(next);
    document.getElementById(`view-${next}`)?.focus();
  };
  return (
    <nav class="view-tabs" role="tablist" aria-label="Library views" onKeyDown={onKey}>
      {VIEWS.map((v) => (
        <button
          key={v.id}
          type="button"
          role="tab"
          id={`view-${v.id}`}
          aria-selected={view === v.id}
          aria-controls="library-view"
          tabIndex={view === v.id ? 0 : -1}
          onClick={() => onView(v.id)}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}

/** The library: highlights (searched, filtered, edited, exported) or Sources (who said what). */
export function LibraryApp() {
  const [view, setView] = useState<View>(viewOfHash);
  useEffect(() => {
    const onHash = () => setView(viewOfHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const choose = (v: View) => {
    history.replaceState(null, '', v === 'sources' ? '#sources' : location.pathname + location.search);
    setView(v);
  };
  // Each view is its own module, loaded when shown: Sources opens without the highlights' search and database code.
  const [views, setViews] = useState<Loaded>({});
  useEffect(() => {
    if (view === 'sources' && !views.sources)
      void import('./SourcesView').then((m) => setViews((v) => ({ ...v, sources: m.SourcesView })));
    if (view === 'highlights' && !views.highlights)
      void import('./HighlightsView').then((m) => setViews((v) => ({ ...v, highlights: m.HighlightsView })));
  }, [view]);
  if (view === 'sources') {
    const Sources = views.sources;
    return (
      <div class="library">
        <header class="library-head">
          <h1>Gloss library</h1>
          <ViewTabs view={view} onView={choose} />
        </header>
        <div id="library-view" role="tabpanel" aria-labelledby="view-sources" class="library-view">
          {Sources ? <Sources /> : <p class="empty">Loading…</p>}
        </div>
      </div>
    );
  }
  const Highlights = views.highlights;
  const tabs = <ViewTabs view={view} onView={choose} />;
  return Highlights ? (
    <Highlights tabs={tabs} />
  ) : (
    <div class="library">
      <header class="library-head">
        <h1>Gloss library</h1>
        {tabs}
      </header>
      <p class="empty">Loading…</p>
    </div>
  );
}
