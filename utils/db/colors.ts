/** The colours a highlight can take (a module of its own: the content script needs it without the schema). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
