import { describe, expect, it, vi } from 'vitest';
import { LIBRARY_COMMAND, registerLibraryCommand, type OpenLibraryApi } from '../../../utils/background/open-library';

describe('the library shortcut', () => {
  it('opens the library page in a new tab on its command only', () => {
    const listeners: ((command: string) => void)[] = [];
    const create = vi.fn(async () => ({}));
    registerLibraryCommand({
      commands: { onCommand: { addListener: (l: (command: string) => void) => listeners.push(l) } },
      tabs: { create },
      runtime: { getURL: (path: string) => `chrome-extension://gloss${path}` },
    } as unknown as OpenLibraryApi);
    listeners[0]!('highlight-selection');
    expect(create).not.toHaveBeenCalled();
    listeners[0]!(LIBRARY_COMMAND);
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://gloss/library.html' });
  });
});
