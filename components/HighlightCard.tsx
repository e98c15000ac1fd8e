import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Annotation, AnnotationPatch, HighlightColor } from '../utils/db/types';
import { cycleTab } from './tab-cycle';
import { ColourPicker } from './ColourPicker';
import { NoteFields, parseTags } from './TagInput';

type Props = {
  annotation: Annotation;
  /** Where to show it, in viewport coordinates (the click, or the highlight's first line). */
  at: { x: number; y: number };
  loadTags: () => Promise<string[]>;
  onSave: (patch: AnnotationPatch) => Promise<void>;
  /** Deletes the highlight; the card then offers to undo. */
  onDelete: () => Promise<void>;
  onUndo: () => Promise<void>;
  onClose: () => void;
  /** Told whether the reader has changed something not yet saved. */
  onDirty?: (dirty: boolean) => void;
};

/**
 * One of the reader's highlights opened in the page: its colour, note and
 * tags to change, or the highlight to delete (with Undo). Escape closes it
 * without saving; Ctrl+Enter saves. Only the reader's own clicks and keys act.
 */
export function HighlightCard({ annotation: a, at, loadTags, onSave, onDelete, onUndo, onClose, onDirty }: Props) {
  const [color, setColor] = useState<HighlightColor>(a.color);
  const [note, setNote] = useState(a.note);
  const [tags, setTags] = useState(a.tags.join(', '));
  const [deleted, setDeleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const dirty =
    !deleted && (color !== a.color || note.trim() !== a.note || parseTags(tags).join('\n') !== a.tags.join('\n'));

  useEffect(() => onDirty?.(dirty), [dirty]);
  // A layout effect: the focus is in place as the buttons appear, before the reader's next key.
  useLayoutEffect(() => (deleted ? undoRef : noteRef).current?.focus(), [deleted]);

  const run = async (action: () => Promise<void>, after?: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      after?.();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const actions: Record<string, () => void> = {
    // Saving nothing new just closes the card.
    save: () => (dirty ? void run(() => onSave({ color, note: note.trim(), tags: parseTags(tags) })) : onClose()),
    delete: () => void run(onDelete, () => setDeleted(true)),
    undo: () => void run(onUndo, () => setDeleted(false)),
    close: onClose,
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (cycleTab(e) || e.key !== 'Enter') return;
    // Ctrl+Enter saves from anywhere; Enter acts on the button it is on (handled here: Firefox does not activate
    // buttons on Enter on every keyboard path), and saves from the tags field.
    const target = e.target as HTMLElement | null;
    const action =
      e.ctrlKey || e.metaKey
        ? deleted
          ? undefined
          : 'save'
        : (target?.dataset.action ?? (target?.ariaLabel === 'Tags' ? 'save' : undefined));
    if (!action || busy) return;
    e.preventDefault();
    actions[action]();
  };

  const below = at.y < window.innerHeight - 280;
  const style = {
    left: `${Math.max(8, Math.min(at.x - 20, window.innerWidth - 316))}px`,
    top: below ? `${at.y + 14}px` : undefined,
    bottom: below ? undefined : `${window.innerHeight - at.y + 14}px`,
  };
  const click = (name: string) => (e: MouseEvent) => e.isTrusted && !busy && actions[name]();

  return (
    <div class="editor" role="dialog" aria-label="Your highlight" style={style} onKeyDown={onKeyDown}>
      {deleted ? (
        <div class="row">
          <span class="status" role="status">
            Highlight deleted.
          </span>
          <button ref={undoRef} type="button" class="link" data-action="undo" onClick={click('undo')}>
            Undo
          </button>
        </div>
      ) : (
        <>
          <div class="row">
            <ColourPicker value={color} onChange={setColor} />
          </div>
          <div class="more">
            <div class="quote" title={a.exact}>
              “{a.exact.length > 120 ? `${a.exact.slice(0, 119)}…` : a.exact}”
            </div>
            <NoteFields
              note={note}
              onNote={setNote}
              tags={tags}
              onTags={setTags}
              loadTags={loadTags}
              noteRef={noteRef}
            />
            <div class="row">
              <button type="button" class="primary" data-action="save" disabled={busy} onClick={click('save')}>
                Save
              </button>
              <button type="button" class="danger" data-action="delete" disabled={busy} onClick={click('delete')}>
                Delete
              </button>
              <span class="hint">Ctrl+Enter saves · Esc closes</span>
            </div>
          </div>
        </>
      )}
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
      {/* Last in the tab order, first on screen (top right). */}
      <button type="button" class="close" aria-label="Close" title="Close (Esc)" data-action="close" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
