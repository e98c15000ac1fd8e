/**
 * The reader's text selection, when Gloss may offer to highlight it: not
 * empty, inside the page's body, and not in a form field or an editor (where
 * selecting is editing, and a toolbar would be in the way).
 */
export function highlightableRange(doc: Document = document): Range | null {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  if (range.collapsed || !range.toString().trim()) return null;
  const container = range.commonAncestorContainer;
  if (!doc.body?.contains(container)) return null;
  const el = container.nodeType === 1 ? (container as Element) : container.parentElement;
  if (el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return null;
  if ((el as HTMLElement | null)?.isContentEditable) return null;
  return range;
}
