import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { identifyCaller, route, type Handlers } from '../../../utils/background/router';

type Sender = Browser.runtime.MessageSender;

const own = { id: 'gloss-id', origin: 'chrome-extension://gloss-id/' };
const tab = { id: 7, index: 0 } as Sender['tab'];
const fromPage: Sender = { id: own.id, url: 'https://news.example/story', tab };
const fromPopup: Sender = { id: own.id, url: 'chrome-extension://gloss-id/popup.html' };

function handlers(): Handlers {
  const ok = vi.fn(async () => null);
  return new Proxy({} as Handlers, { get: () => ok });
}

describe('identifyCaller', () => {
  it('knows content scripts and extension pages, and nobody else', () => {
    expect(identifyCaller(fromPage, own.id, own.origin)).toEqual({ kind: 'content', origin: 'https://news.example' });
    expect(identifyCaller(fromPopup, own.id, own.origin)).toEqual({ kind: 'extension' });
    expect(identifyCaller({ ...fromPage, id: 'other' }, own.id, own.origin)).toBeNull();
    expect(identifyCaller({ id: own.id, url: 'file:///etc/passwd', tab }, own.id, own.origin)).toBeNull();
    expect(identifyCaller({ id: own.id }, own.id, own.origin)).toBeNull();
  });
});

describe('route', () => {
  it('ignores messages that are not Gloss envelopes', async () => {
    expect(await route({ type: 'analyze' }, fromPage, handlers(), own)).toBeUndefined();
    expect(await route('hello', fromPage, handlers(), own)).toBeUndefined();
  });

  it('refuses unknown senders, unknown requests and malformed payloads with a clear error', async () => {
    const env = (type: string, payload: unknown) => ({ gloss: 1, type, payload });
    expect(await route(env('analyze', { text: 'x' }), { ...fromPage, id: 'evil' }, handlers(), own)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await route(env('drop-tables', {}), fromPopup, handlers(), own)).toMatchObject({
      error: { code: 'invalid' },
    });
    expect(await route(env('analyze', { text: 42 }), fromPage, handlers(), own)).toMatchObject({
      error: { code: 'invalid' },
    });
    expect(await route(env('annotation:delete', { id: {} }), fromPopup, handlers(), own)).toMatchObject({
      error: { code: 'invalid' },
    });
    // The schema names the wrong field.
    expect(await route(env('annotation:update', { id: 'x', patch: { note: 7 } }), fromPopup, handlers(), own)).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'Malformed "annotation:update" request: patch.note: must be a string' },
    });
  });

  it('lets a content script edit, delete and restore (each handler checks the origin), but never import', async () => {
    const h = handlers();
    for (const [type, payload] of [
      ['annotation:update', { id: 'x', patch: { note: 'y' } }],
      ['annotation:delete', { id: 'x' }],
      [
        'annotation:restore',
        {
          annotation: {
            id: '00000000-0000-4000-8000-000000000001',
            url: 'https://news.example/a',
            createdAt: 1,
            updatedAt: 2,
            target: {
              source: 'https://news.example/a',
              selectors: {
                quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
                position: { type: 'TextPositionSelector', start: 0, end: 1 },
              },
            },
          },
        },
      ],
      ['tags:list', {}],
    ] as const) {
      expect(await route({ gloss: 1, type, payload }, fromPage, h, own)).toMatchObject({ ok: true });
    }
    expect(
      await route({ gloss: 1, type: 'annotations:import', payload: { json: '[]' } }, fromPage, h, own),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await route({ gloss: 1, type: 'annotation:delete', payload: { id: 'x' } }, fromPopup, h, own)).toMatchObject(
      { ok: true },
    );
  });

  it('refuses a tags request that carries anything', async () => {
    expect(
      await route({ gloss: 1, type: 'tags:list', payload: { url: 'x' } }, fromPage, handlers(), own),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses oversized and odd payloads before any handler runs', async () => {
    const ran = vi.fn(async () => null);
    const h = new Proxy({} as Handlers, { get: () => ran });
    const env = (type: string, payload: unknown) => ({ gloss: 1, type, payload });
    for (const message of [
      env('annotations:list', { url: 'https://news.example/' + 'x'.repeat(10_000) }),
      env('annotations:list', null),
      env('annotations:list', []),
      env('annotation:save', { annotation: [] }),
      env('page:visit', { page: 'https://news.example/' }),
      env('__proto__', {}),
      env('toString', {}),
    ]) {
      const reply = await route(message, fromPage, h, own);
      expect(reply?.ok ?? false).toBe(false);
    }
    expect(ran).not.toHaveBeenCalled();
  });

  it('refuses a sender whose origin disagrees with its URL', async () => {
    expect(identifyCaller({ ...fromPage, origin: 'https://evil.example' } as Sender, own.id, own.origin)).toBeNull();
    expect(identifyCaller({ ...fromPage, origin: 'https://news.example' } as Sender, own.id, own.origin)).toEqual({
      kind: 'content',
      origin: 'https://news.example',
    });
  });

  it('keeps requests meant for Gloss pages away from web pages', async () => {
    const reply = await route(
      { gloss: 1, type: 'annotations:import', payload: { json: '[]' } },
      fromPage,
      handlers(),
      own,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers with the handler value, or its error', async () => {
    const h = {
      analyze: async ({ text }: { text: string }) => ({ quotes: [], entities: [], entityGroups: [], text }),
      'annotation:delete': async () => {
        throw Object.assign(new Error('No such highlight.'), { code: 'not-found' });
      },
    } as unknown as Handlers;
    expect(await route({ gloss: 1, type: 'analyze', payload: { text: 'Hi' } }, fromPage, h, own)).toMatchObject({
      ok: true,
      value: { text: 'Hi' },
    });
    expect(await route({ gloss: 1, type: 'annotation:delete', payload: { id: 'x' } }, fromPopup, h, own)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such highlight.' },
    });
  });
});
