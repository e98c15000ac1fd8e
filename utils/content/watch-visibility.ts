import type { ContentScriptContext } from '#imports';
import { isShown, MARK_KINDS, visibility, type Visibility } from '../settings';
import type { Highlighter } from './highlighter';

/** The highlight layer prefixes `v` hides (`gloss-quote`, `gloss-per`, ..., `gloss-user`). */
export function hiddenPrefixes(v: Visibility): string[] {
  return MARK_KINDS.filter((k) => !isShown(v, k)).map((k) => `gloss-${k}`);
}

/**
 * Paints only the kinds of marks the reader has chosen to see: their choice as
 * stored when the page opens, and every change of it (from the popup or the
 * shortcut, in any tab) as it happens. `onChange` runs after each change.
 */
export function watchVisibility(ctx: ContentScriptContext, highlighter: Highlighter, onChange?: () => void): void {
  let changed = false;
  const unwatch = visibility.watch((v) => {
    changed = true;
    highlighter.hide(hiddenPrefixes(v));
    onChange?.();
  });
  ctx.onInvalidated(unwatch);
  void visibility.getValue().then(
    (v) => changed || highlighter.hide(hiddenPrefixes(v)),
    () => {}, // storage unreadable (the extension reloading): everything stays shown
  );
}
