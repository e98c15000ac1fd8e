import type { Annotation, Page } from '../../utils/db/types';
import { passageUrl } from '../../utils/library/fragment';
import { colourLabel, type Preferences } from '../../utils/preferences';

/** Row heights in pixels (the list is windowed by them; the CSS keeps rows inside). */
export const PAGE_ROW_HEIGHT = 52;
export const NOTE_ROW_HEIGHT = 92;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

type PageRowProps = {
  url: string;
  page: Page | undefined;
  site: string;
  count: number;
  focused: boolean;
  onExport: () => void;
};

/** A page heading: its title (a link to it), site and how many highlights it has here. */
export function PageRow({ url, page, site, count, focused, onExport }: PageRowProps) {
  const title = page?.title || url;
  return (
    <div class="page-row">
      <div class="page-text">
        <a
          class="page-title"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={focused ? 0 : -1}
          title={title}
        >
          {title}
        </a>
        <span class="page-meta">
          {site} · {count} highlight{count === 1 ? '' : 's'}
          {page?.published ? ` · ${page.published.slice(0, 10)}` : ''}
        </span>
      </div>
      <button
        type="button"
        class="small"
        tabIndex={focused ? 0 : -1}
        onClick={onExport}
        aria-label={`Export the highlights of ${title}`}
      >
        Export page
      </button>
    </div>
  );
}

type NoteRowProps = {
  annotation: Annotation | undefined;
  prefs: Preferences;
  focused: boolean;
  onEdit: () => void;
  onDelete: () => void;
};

/** One highlight: its colour, words (a link to the passage on its page), note, tags and date. */
export function NoteRow({ annotation: a, prefs, focused, onEdit, onDelete }: NoteRowProps) {
  if (!a) return <div class="note-row loading" aria-busy="true" />;
  return (
    <div class="note-row" data-id={a.id}>
      <span class={`dot ${a.color}`} role="img" aria-label={`${colourLabel(prefs, a.color)} highlight`}>
        a
      </span>
      <div class="note-text">
        <a
          class="exact"
          href={passageUrl(a)}
          target="_blank"
          rel="noopener noreferrer"
          tabIndex={focused ? 0 : -1}
          title="Open the page at this passage"
        >
          “{a.exact}”
        </a>
        {a.note && <div class="note-note">{a.note}</div>}
        <div class="note-meta">
          <time dateTime={new Date(a.createdAt).toISOString()}>{dateFormat.format(a.createdAt)}</time>
          {a.tags.map((t) => (
            <span key={t} class="tag">
              {t}
            </span>
          ))}
        </div>
      </div>
      <div class="note-actions">
        <button
          type="button"
          class="small"
          tabIndex={focused ? 0 : -1}
          onClick={onEdit}
          aria-label="Edit this highlight"
        >
          Edit
        </button>
        <button
          type="button"
          class="small"
          tabIndex={focused ? 0 : -1}
          onClick={onDelete}
          aria-label="Delete this highlight"
        >
          Delete
        </button>
      </div>
    </div>
  );
}
