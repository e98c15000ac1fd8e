import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { nestedDeeperThan } from '../../../utils/content/page-text';

describe('nestedDeeperThan', () => {
  it('measures how deep elements nest, without recursion', () => {
    const { document } = new Window();
    let parent: Element = document.body as unknown as Element;
    for (let i = 0; i < 20_000; i++) parent = parent.appendChild(document.createElement('div') as unknown as Element);
    expect(nestedDeeperThan(document.body as unknown as Element, 19_999)).toBe(true);
    expect(nestedDeeperThan(document.body as unknown as Element, 20_000)).toBe(false);
  });
});
