import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { getPreferences, watchPreferences } from '../utils/preferences';
import type { HighlightColor } from '../utils/db/types';
import { ColourPicker } from './ColourPicker';
import { cycleTab } from './tab-cycle';
import { NoteFields, parseTags } from './TagInput';

/**
 * The reader's default colour (options page), read when the content script
 * starts and kept up to date, so that a toolbar saved at once (Enter) already
 * has it.
 */
let defaultColour: HighlightColor = 'yellow';
void getPreferences()
  .then((p) => (defaultColour = p.defaultColour))
  .catch(() => {});
watchPreferences((p) => (defaultColour = p.defaultColour));

/** What the reader chose in the toolbar. */
export type ToolbarChoice = { color: HighlightColor; note: string; tags: string[] };

type Props = {
  /** Where the selection is, in viewport coordinates. */
  rect: { left: number; top: number; bottom: number };
  onSave: (choice: ToolbarChoice) => Promise<void>;
  onClose: () => void;
  /** Take the focus (when the reader selected with the keyboard). */
  autoFocus?: boolean;
  /** Open with the note and tags fields shown (and the note focused). */
  startExpanded?: boolean;
  /** The reader's tags for completion, most used first. */
  loadTags: () => Promise<string[]>;
};

/** The small toolbar shown over a text selection: colour, note, tags, save. */
export function SelectionToolbar({ rect, onSave, onClose, autoFocus, startExpanded, loadTags }: Props) {
  const [color, setColor] = useState<HighlightColor>(defaultColour);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [expanded, setExpanded] = useState(!!startExpanded);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);

  // Layout effects: the focus moves as the fields appear, never after the reader has clicked into another one.
  useLayoutEffect(() => {
    if (autoFocus) saveRef.current?.focus();
  }, [autoFocus]);

  useLayoutEffect(() => {
    if (expanded) noteRef.current?.focus();
  }, [expanded]);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await onSave({ color, note: note.trim(), tags: parseTags(tags) });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
    if (cycleTab(e)) return;
    // Ctrl+Enter anywhere; plain Enter on the save button or in the tags field. Handled here rather than left to
    // the button's native activation, which Firefox does not perform for every keyboard path. Real keys only.
    const target = e.target as HTMLElement | null;
    if (
      e.key === 'Enter' &&
      e.isTrusted &&
      (e.ctrlKey || e.metaKey || target?.dataset.action === 'save' || target?.ariaLabel === 'Tags')
    ) {
      e.preventDefault();
      void save();
    }
  };

  const below = rect.top < 140;
  const style = {
    left: `${Math.max(8, Math.min(rect.left, window.innerWidth - 300))}px`,
    top: below ? `${rect.bottom + 8}px` : undefined,
    bottom: below ? undefined : `${window.innerHeight - rect.top + 8}px`,
  };

  return (
    <div class="toolbar" role="dialog" aria-label="Save highlight" style={style} onKeyDown={onKeyDown}>
      <div class="row">
        <ColourPicker value={color} onChange={setColor} />
        {!expanded && (
          <button type="button" class="link" onClick={() => setExpanded(true)}>
            Note…
          </button>
        )}
        <button
          ref={saveRef}
          type="button"
          class="primary"
          data-action="save"
          disabled={busy}
          // Only the reader saves: a click made up by a page script (isTrusted false) does nothing.
          onClick={(e) => e.isTrusted && void save()}
        >
          Highlight
        </button>
        <button type="button" class="close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </div>
      {expanded && (
        <div class="more">
          <NoteFields note={note} onNote={setNote} tags={tags} onTags={setTags} loadTags={loadTags} noteRef={noteRef} />
          <div class="hint">Ctrl+Enter saves · Esc closes</div>
        </div>
      )}
      {error && (
        <div class="error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
