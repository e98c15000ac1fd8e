import type { HighlightColor } from '../utils/db/types';
import { HIGHLIGHT_COLORS } from '../utils/db/types';

/** Highlight colours in the order Gloss offers them. */
export const COLOURS: readonly HighlightColor[] = HIGHLIGHT_COLORS;

/** The line each colour is painted with besides its hue (entrypoints/content/style.css), named for the reader. */
export const COLOUR_LINES: Record<HighlightColor, string> = {
  yellow: 'fill only',
  green: 'underlined',
  blue: 'double underline',
  pink: 'wavy underline',
  purple: 'dotted underline',
};

type Props = { value: HighlightColor; onChange: (c: HighlightColor) => void };

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * The colour choice: a radio group whose swatches show each colour's line as
 * well as its hue. One tab stop; the arrow keys move and choose, as in any
 * radio group.
 */
export function ColourPicker({ value, onChange }: Props) {
  const onKeyDown = (e: KeyboardEvent) => {
    const step = NEXT[e.key];
    if (!step) return;
    e.preventDefault();
    const i = (COLOURS.indexOf(value) + step + COLOURS.length) % COLOURS.length;
    onChange(COLOURS[i]);
    const group = e.currentTarget as HTMLElement;
    // After the re-render has moved the tab stop.
    queueMicrotask(() => group.querySelector<HTMLElement>(`[aria-label="${COLOURS[i]}"]`)?.focus());
  };
  return (
    <div class="swatches" role="radiogroup" aria-label="Colour" onKeyDown={onKeyDown}>
      {COLOURS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={c === value}
          aria-label={c}
          title={`${c}, ${COLOUR_LINES[c]}`}
          tabIndex={c === value ? 0 : -1}
          class={`swatch ${c}`}
          onClick={() => onChange(c)}
        >
          <span aria-hidden="true">a</span>
        </button>
      ))}
    </div>
  );
}
