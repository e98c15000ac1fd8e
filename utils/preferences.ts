/**
 * The reader's preferences set on the options page: names for the five
 * highlight colours, the default colour, the default export format, and when
 * the notes were last exported (for the backup reminder). Small and free of
 * large modules: the content script reads the default colour.
 */
import { storage } from '#imports';
import { HIGHLIGHT_COLORS, type HighlightColor } from './db/types';

/** The formats the export buttons offer (`utils/export`'s, in this order). */
export const EXPORT_FORMATS = ['markdown', 'vault', 'jsonld', 'csv'] as const;

/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the reader chose on the options page. */
export type Preferences = {
  /** The reader's name for each colour ('' for none: the colour's own name is shown). */
  colourNames: Record<HighlightColor, string>;
  /** The colour of a new highlight. */
  defaultColour: HighlightColor;
  exportFormat: ExportFormat;
};

/** Longest colour name kept. */
export const MAX_COLOUR_NAME = 40;

/** Preferences before the reader changes any. */
export const DEFAULT_PREFERENCES: Preferences = {
  colourNames: { yellow: '', green: '', blue: '', pink: '', purple: '' },
  defaultColour: 'yellow',
  exportFormat: 'markdown',
};

const preferences = storage.defineItem<Preferences>('local:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 1,
});

/**
 * Completes what storage holds into whole preferences: a missing or unknown
 * value takes its default, so a hand-edited or partial record cannot break a page.
 */
export function completePreferences(stored: unknown): Preferences {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<
    Record<keyof Preferences, unknown>
  >;
  const names = (typeof s.colourNames === 'object' && s.colourNames !== null ? s.colourNames : {}) as Record<
    string,
    unknown
  >;
  const isColour = (c: unknown): c is HighlightColor => HIGHLIGHT_COLORS.includes(c as HighlightColor);
  return {
    colourNames: Object.fromEntries(
      HIGHLIGHT_COLORS.map((c) => [
        c,
        typeof names[c] === 'string' ? (names[c] as string).trim().slice(0, MAX_COLOUR_NAME) : '',
      ]),
    ) as Record<HighlightColor, string>,
    defaultColour: isColour(s.defaultColour) ? s.defaultColour : DEFAULT_PREFERENCES.defaultColour,
    exportFormat: EXPORT_FORMATS.includes(s.exportFormat as ExportFormat)
      ? (s.exportFormat as ExportFormat)
      : DEFAULT_PREFERENCES.exportFormat,
  };
}

/** The reader's preferences. */
export async function getPreferences(): Promise<Preferences> {
  return completePreferences(await preferences.getValue());
}

/** Changes some preferences; returns them all. */
export async function setPreferences(change: Partial<Preferences>): Promise<Preferences> {
  const next = completePreferences({ ...(await getPreferences()), ...change });
  await preferences.setValue(next);
  return next;
}

/** Calls `listener` with the preferences whenever they change (in any of Gloss's pages); returns the unsubscriber. */
export function watchPreferences(listener: (p: Preferences) => void): () => void {
  return preferences.watch((value) => listener(completePreferences(value)));
}

/** The reader's name for a colour, else the colour's own. */
export function colourLabel(p: Preferences, colour: HighlightColor): string {
  return p.colourNames[colour] || colour;
}

const lastExport = storage.defineItem<number | null>('local:lastExportAt', { fallback: null, version: 1 });

/** When the notes were last exported (ms since the epoch), or null if never. */
export function getLastExport(): Promise<number | null> {
  return lastExport.getValue();
}

/** Records an export made now. */
export function recordExport(now = Date.now()): Promise<void> {
  return lastExport.setValue(now);
}
