import { useEffect, useState } from 'preact/hooks';
import { requestPersistentStorage } from '../../utils/db';
import { siteOf } from '../../utils/site';
import { EntitiesPanel } from './EntitiesPanel';
import { ExportBar } from './ExportBar';
import { LibraryLink, openGlossPage } from './LibraryLink';
import { NotArticle } from './NotArticle';
import { NotesPanel } from './NotesPanel';
import { QuotesPanel } from './QuotesPanel';
import { SearchPanel } from './SearchPanel';
import { ShowMarks } from './ShowMarks';
import { SourcesNotice } from './SourcesNotice';
import { usePage } from './use-page';

type Tab = 'quotes' | 'entities' | 'notes' | 'search';

/** The popup: the current page's quotations, names and notes; search; export. */
export function App() {
  const page = usePage();
  const { state } = page;
  const [tab, setTab] = useState<Tab>('quotes');
  // Only a window can ask for persistent storage, so that browsers do not evict the notes.
  useEffect(() => void requestPersistentStorage().catch(() => false), []);
  // A page Gloss did not analyse has no count of quotations or names, rather than a 0 that reads as "none found".
  const analysed = state?.status === 'article';
  const tabs: { id: Tab; label: string; count?: number }[] = [
    { id: 'quotes', label: 'Quotes', count: analysed ? state.quotes.length : undefined },
    { id: 'entities', label: 'Names', count: analysed ? state.entities.length : undefined },
    { id: 'notes', label: 'Notes', count: state?.annotations.length },
    { id: 'search', label: 'Search' },
  ];
  // Arrow keys move between tabs, as in every tab list.
  const onTabKey = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.findIndex((t) => t.id === tab) + step + tabs.length) % tabs.length].id;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  const title = state?.metadata?.title ?? (state ? siteOf(state.url) : 'Gloss');

  return (
    <div class="popup">
      <header>
        <div class="brand-row">
          <div class="brand">Gloss</div>
          <nav class="links" aria-label="Gloss pages">
            <LibraryLink label="Library" />
            <a
              href="/options.html"
              onClick={(e) => {
                e.preventDefault();
                void openGlossPage('options');
              }}
            >
              Options
            </a>
          </nav>
        </div>
        <div class="page-title" title={title}>
          {title}
        </div>
      </header>
      <SourcesNotice />
      <ShowMarks />
      <nav class="tabs" role="tablist" onKeyDown={onTabKey}>
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            tabIndex={tab === t.id ? 0 : -1}
            aria-controls={`panel-${t.id}`}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            {t.count !== undefined && <span class="count">{t.count}</span>}
          </button>
        ))}
      </nav>
      <div class="panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'search' ? (
          <SearchPanel />
        ) : page.problem ? (
          <p class="empty">{page.problem}</p>
        ) : !state ? (
          <p class="empty">Loading…</p>
        ) : tab === 'notes' ? (
          <NotesPanel page={page} />
        ) : state.status !== 'article' ? (
          <NotArticle page={page} />
        ) : (
          <>
            {state.partial && (
              <p class="partial" role="note">
                This page is very long: Gloss read the first {state.partial.analysed.toLocaleString()} of its{' '}
                {state.partial.total.toLocaleString()} characters.
              </p>
            )}
            {tab === 'quotes' ? <QuotesPanel page={page} /> : <EntitiesPanel page={page} />}
          </>
        )}
      </div>
      <ExportBar />
    </div>
  );
}
