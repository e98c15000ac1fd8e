import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';

/** Splits "a, b  #c" into tags: commas or spaces separate, a leading # is dropped. */
export function parseTags(input: string): string[] {
  const tags = input
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#/, '').trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** The tag being typed: what follows the last comma or space, without a leading #. */
function currentWord(input: string): string {
  return (/[^,\s]*$/.exec(input)?.[0] ?? '').replace(/^#/, '');
}

/**
 * Tags from `known` (the reader's, most used first) that complete the word
 * being typed in `input`: those starting with it first, then those with a
 * word starting with it, then those containing it; never one already entered.
 */
export function suggestTags(input: string, known: readonly string[], limit = 6): string[] {
  const word = currentWord(input).toLowerCase();
  if (!word) return [];
  const entered = new Set(
    parseTags(input.slice(0, input.length - currentWord(input).length)).map((t) => t.toLowerCase()),
  );
  const rank = (tag: string) => {
    const t = tag.toLowerCase();
    if (t === word) return -1; // typed in full already
    if (t.startsWith(word)) return 0;
    if (t.split(/[\s\-_/.]+/).some((w) => w.startsWith(word))) return 1;
    return t.includes(word) ? 2 : -1;
  };
  return known
    .filter((t) => !entered.has(t.toLowerCase()))
    .map((tag, i) => ({ tag, i, r: rank(tag) }))
    .filter((s) => s.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, limit)
    .map((s) => s.tag);
}

/** `input` with the word being typed replaced by `tag`, ready for the next one. */
export function completeTag(input: string, tag: string): string {
  return `${input.slice(0, input.length - currentWord(input).length).replace(/#$/, '')}${tag}, `;
}

let instances = 0;

type Props = {
  value: string;
  onInput: (value: string) => void;
  /** The reader's tags, most used first; asked for when the field first gets the focus. */
  loadTags: () => Promise<string[]>;
};

/**
 * The tags field, with completion from the tags the reader has used: a list
 * under the field while a word is typed; the arrow keys choose, Enter or a
 * click takes one, Escape closes the list. The list lives in Gloss's closed
 * shadow root only.
 */
export function TagInput({ value, onInput, loadTags }: Props) {
  const [known, setKnown] = useState<string[]>([]);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const asked = useRef(false);
  const id = useRef(`gloss-tags-${++instances}`).current;
  const suggestions = open ? suggestTags(value, known) : [];

  const onFocus = () => {
    if (asked.current) return;
    asked.current = true;
    loadTags().then(setKnown, () => setKnown([]));
  };
  const take = (tag: string) => {
    onInput(completeTag(value, tag));
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!suggestions.length) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      // Cycles through the suggestions and back to the field itself (-1).
      const states = suggestions.length + 1;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(((active + 1 + step + states) % states) - 1);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
      // Takes the tag instead of saving or leaving the field.
      e.preventDefault();
      e.stopPropagation();
      take(suggestions[active]);
    } else if (e.key === 'Escape') {
      // Closes the list, not the card around it.
      e.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div class="tag-input">
      <input
        type="text"
        placeholder="Tags, separated by commas"
        aria-label="Tags"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={id}
        aria-activedescendant={active >= 0 && active < suggestions.length ? `${id}-${active}` : undefined}
        autoComplete="off"
        value={value}
        onFocus={onFocus}
        onBlur={() => setOpen(false)}
        onInput={(e) => {
          onInput(e.currentTarget.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul class="suggestions" role="listbox" id={id} aria-label="Your tags">
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the field keeps the focus.
              onMouseDown={(e) => {
                e.preventDefault();
                if (e.isTrusted) take(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type NoteFieldsProps = {
  note: string;
  onNote: (value: string) => void;
  tags: string;
  onTags: (value: string) => void;
  loadTags: () => Promise<string[]>;
  /** The note's field, to focus it. */
  noteRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
};

/** A highlight's note and its tags (with completion), as the toolbar, the card and the popup ask for them. */
export function NoteFields({ note, onNote, tags, onTags, loadTags, noteRef, autoFocus }: NoteFieldsProps) {
  return (
    <>
      <textarea
        ref={noteRef}
        rows={3}
        placeholder="Note (optional)"
        aria-label="Note"
        value={note}
        onInput={(e) => onNote(e.currentTarget.value)}
        autoFocus={autoFocus}
      />
      <TagInput value={tags} onInput={onTags} loadTags={loadTags} />
    </>
  );
}
