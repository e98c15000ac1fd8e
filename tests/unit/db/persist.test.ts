import { describe, expect, it, vi } from 'vitest';
import { requestPersistentStorage } from '../../../utils/db/persist';

describe('requestPersistentStorage', () => {
  it('asks only when storage is not yet persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
    const again = vi.fn(async () => true);
    expect(await requestPersistentStorage({ persisted: async () => true, persist: again })).toBe(true);
    expect(again).not.toHaveBeenCalled();
  });

  it('resolves false where the API is missing or refuses', async () => {
    expect(await requestPersistentStorage({})).toBe(false);
    const failing = {
      persisted: async () => false,
      persist: async (): Promise<boolean> => Promise.reject(new Error('no')),
    };
    expect(await requestPersistentStorage(failing)).toBe(false);
  });
});
