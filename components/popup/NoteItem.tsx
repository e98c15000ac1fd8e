import { useState } from 'preact/hooks';
import type { Annotation, AnnotationPatch } from '../../utils/db/types';
import { ColourPicker } from '../ColourPicker';
import { sendToBackground } from '../../utils/messaging/client';
import { parseTags, TagInput } from '../TagInput';

/** The reader's tags for completion, most used first. */
const loadTags = () => sendToBackground('tags:list', {});

type Props = {
  annotation: Annotation;
  /** The page's URL, linked under the note (in search results). */
  source?: string;
  onShow?: () => void;
  onDelete?: () => void;
  /** Saves an edit of the note, tags or colour; shown as an Edit button when given. */
  onEdit?: (patch: AnnotationPatch) => Promise<void>;
};

/** One saved highlight: its colour, the words, the note and tags; editable in place. */
export function NoteItem({ annotation: a, source, onShow, onDelete, onEdit }: Props) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags.join(', '));
  const [color, setColor] = useState(a.color);
  const save = async () => {
    try {
      await onEdit?.({ note: note.trim(), tags: parseTags(tags), color });
      setEditing(false);
    } catch {
      // Stay in the form, with the reader's text; the panel shows the error.
    }
  };
  return (
    <li class="note" data-id={a.id}>
      <span class={`dot ${editing ? color : a.color}`} role="img" aria-label={`${a.color} highlight`}>
        a
      </span>
      <div class="note-body">
        {onShow ? (
          <button class="exact" onClick={onShow} title="Show on the page">
            “{a.exact}”
          </button>
        ) : (
          <div class="exact">“{a.exact}”</div>
        )}
        {editing ? (
          <form
            class="edit"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          >
            <ColourPicker value={color} onChange={setColor} />
            <textarea
              aria-label="Note"
              rows={3}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              autoFocus
            />
            <TagInput value={tags} onInput={setTags} loadTags={loadTags} />
            <div class="edit-actions">
              <button type="submit" class="primary">
                Save
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <>
            {a.note && <div class="note-text">{a.note}</div>}
            {a.tags.length > 0 && <div class="tags">{a.tags.map((t) => `#${t}`).join(' ')}</div>}
          </>
        )}
        {source && (
          <a class="source" href={source} target="_blank" rel="noopener noreferrer" title="Open the page">
            {source.replace(/^https?:\/\/(www\.)?/, '')}
          </a>
        )}
      </div>
      <div class="note-actions">
        {onEdit && !editing && (
          <button class="icon" aria-label="Edit note" title="Edit note and tags" onClick={() => setEditing(true)}>
            ✎
          </button>
        )}
        {onDelete && (
          <button class="icon" aria-label="Delete highlight" title="Delete" onClick={onDelete}>
            ×
          </button>
        )}
      </div>
    </li>
  );
}
