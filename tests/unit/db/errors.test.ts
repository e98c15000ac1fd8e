import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError, StoreError, toStoreError } from '../../../utils/db/errors';

describe('quota errors', () => {
  it('are recognised however IndexedDB and Dexie wrap them', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe(true);
    const bulk = new Dexie.BulkError('2 of 3 failed', { 1: new Dexie.QuotaExceededError('full') });
    expect(isQuotaError(bulk)).toBe(true);
    expect(isQuotaError(new Error('other', { cause: new DOMException('full', 'QuotaExceededError') }))).toBe(true);
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('become a StoreError with code quota and a readable message', () => {
    const e = toStoreError(new Dexie.AbortError('aborted', new Dexie.QuotaExceededError('full')));
    expect(e).toBeInstanceOf(StoreError);
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/no more room/);
  });

  it('other failures become code unknown, StoreErrors pass through', () => {
    expect(toStoreError(new Error('boom'))).toMatchObject({
      code: 'unknown',
      message: 'The notes database failed: boom',
    });
    const mine = new StoreError('not-found', 'gone');
    expect(toStoreError(mine)).toBe(mine);
  });
});
