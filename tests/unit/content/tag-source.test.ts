import { describe, expect, it, vi } from 'vitest';
import { TagSource } from '../../../utils/content/tag-source';

describe('TagSource', () => {
  it('asks the background once, puts tags just saved first, and lists each tag once', async () => {
    const fetchTags = vi.fn(async () => ['rights', 'UN', 'economy']);
    const tags = new TagSource(fetchTags);
    expect(await tags.get()).toEqual(['rights', 'UN', 'economy']);
    tags.learn(['floods', 'un']);
    expect(await tags.get()).toEqual(['floods', 'un', 'rights', 'economy']);
    expect(fetchTags).toHaveBeenCalledTimes(1);
  });

  it('asks again after a failure, and completes from nothing meanwhile', async () => {
    const fetchTags = vi.fn().mockRejectedValueOnce(new Error('no answer')).mockResolvedValue(['rights']);
    const tags = new TagSource(fetchTags);
    expect(await tags.get()).toEqual([]);
    expect(await tags.get()).toEqual(['rights']);
  });
});
