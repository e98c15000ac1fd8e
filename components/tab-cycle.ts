/** What the keyboard may reach inside one of Gloss's in-page dialogs (of a roving radio group, its one stop). */
const REACHABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), a[href], [tabindex]';

/**
 * Keeps Tab inside the dialog `e` was handled on (the toolbar, the highlight's editor): from its last control to its
 * first and back. The dialog lives at the end of the page, so a Tab out of it would land on the page's first link,
 * far from the passage the reader was marking. Returns whether it moved the focus.
 */
export function cycleTab(e: KeyboardEvent): boolean {
  if (e.key !== 'Tab' || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return false;
  const dialog = e.currentTarget as HTMLElement | null;
  if (!dialog) return false;
  const stops = [...dialog.querySelectorAll<HTMLElement>(REACHABLE)].filter((el) => el.tabIndex >= 0);
  if (!stops.length) return false;
  const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
  const [first, last] = [stops[0]!, stops[stops.length - 1]!];
  const to = e.shiftKey ? (active === first || !dialog.contains(active) ? last : null) : active === last ? first : null;
  if (!to) return false;
  e.preventDefault();
  to.focus();
  return true;
}
