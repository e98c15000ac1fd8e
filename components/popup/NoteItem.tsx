import type { Annotation } from '../../utils/db/types';

type Props = {
  annotation: Annotation;
  /** Shown under the note: the page, in search results. */
  source?: string;
  onShow?: () => void;
  onDelete?: () => void;
};

/** One saved highlight: its colour, the words, the note and tags. */
export function NoteItem({ annotation: a, source, onShow, onDelete }: Props) {
  return (
    <li class="note" data-id={a.id}>
      <span class={`dot ${a.color}`} aria-label={`${a.color} highlight`} />
      <div class="note-body">
        {onShow ? (
          <button class="exact" onClick={onShow} title="Show on the page">
            “{a.exact}”
          </button>
        ) : (
          <div class="exact">“{a.exact}”</div>
        )}
        {a.note && <div class="note-text">{a.note}</div>}
        {a.tags.length > 0 && <div class="tags">{a.tags.map((t) => `#${t}`).join(' ')}</div>}
        {source && <div class="source">{source}</div>}
      </div>
      {onDelete && (
        <button class="delete" aria-label="Delete highlight" title="Delete" onClick={onDelete}>
          ×
        </button>
      )}
    </li>
  );
}
