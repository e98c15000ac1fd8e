import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  colourLabel,
  completePreferences,
  DEFAULT_PREFERENCES,
  getLastExport,
  getPreferences,
  recordExport,
  setPreferences,
} from '../../utils/preferences';

beforeEach(() => fakeBrowser.reset());

describe('preferences', () => {
  it('start as the defaults and keep what the reader sets', async () => {
    expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
    await setPreferences({ defaultColour: 'pink', exportFormat: 'csv' });
    const p = await setPreferences({ colourNames: { ...DEFAULT_PREFERENCES.colourNames, pink: ' Question ' } });
    expect(p).toEqual({
      colourNames: { yellow: '', green: '', blue: '', pink: 'Question', purple: '' },
      defaultColour: 'pink',
      exportFormat: 'csv',
    });
    expect(await getPreferences()).toEqual(p);
    expect(colourLabel(p, 'pink')).toBe('Question');
    expect(colourLabel(p, 'blue')).toBe('blue');
  });

  it('complete a partial or damaged record with defaults', () => {
    expect(completePreferences(undefined)).toEqual(DEFAULT_PREFERENCES);
    expect(
      completePreferences({
        defaultColour: 'red',
        exportFormat: 'pdf',
        colourNames: { green: 7, blue: 'x'.repeat(99) },
      }),
    ).toEqual({ ...DEFAULT_PREFERENCES, colourNames: { ...DEFAULT_PREFERENCES.colourNames, blue: 'x'.repeat(40) } });
  });

  it('remember when the notes were last exported', async () => {
    expect(await getLastExport()).toBeNull();
    await recordExport(1_700_000_000_000);
    expect(await getLastExport()).toBe(1_700_000_000_000);
  });
});
