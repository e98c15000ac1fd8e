import { useEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationPatch } from '../../utils/db/types';
import { ColourPicker } from '../ColourPicker';
import { parseTags } from '../TagInput';

type Props = {
  annotation: Annotation;
  onSave: (patch: AnnotationPatch) => Promise<void>;
  onDelete: () => void;
  onClose: () => void;
};

/** A modal form to change a highlight's colour, note and tags, or delete it. Escape closes it. */
export function EditDialog({ annotation: a, onSave, onDelete, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags.join(', '));
  const [color, setColor] = useState(a.color);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    dialog.current?.querySelector('textarea')?.focus();
  }, []);
  const save = async () => {
    try {
      await onSave({ note: note.trim(), tags: parseTags(tags), color });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <dialog ref={dialog} class="edit-dialog" aria-labelledby="edit-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="edit-title">Edit highlight</h2>
        <blockquote class="edit-exact">“{a.exact}”</blockquote>
        <ColourPicker value={color} onChange={setColor} />
        <label>
          Note
          <textarea rows={4} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <label>
          Tags
          <input value={tags} onInput={(e) => setTags(e.currentTarget.value)} placeholder="comma or space separated" />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="submit" class="primary">
            Save
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="button" class="danger" onClick={onDelete}>
            Delete
          </button>
        </div>
      </form>
    </dialog>
  );
}
