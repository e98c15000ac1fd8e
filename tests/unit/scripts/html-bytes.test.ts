import { describe, expect, it } from 'vitest';
import { decodeHtml, declaredCharset, headCharset } from '../../../scripts/lib/html-bytes';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeHtml', () => {
  it('reads a page in a legacy encoding by the charset its meta tag declares', () => {
    const page = '<html><head><meta charset="iso-8859-1"></head><body>Grüße aus Köln</body></html>';
    expect(decodeHtml(latin1(page))).toContain('Grüße aus Köln');
    // "Łódź" in windows-1250: Ł 0xA3, ó 0xF3, d, ź 0x9F.
    const head = latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1250"><p>');
    expect(decodeHtml(Uint8Array.from([...head, 0xa3, 0xf3, 0x64, 0x9f]))).toContain('Łódź');
  });

  it('prefers the HTTP header’s charset to the meta tag', () => {
    const page = '<meta charset="utf-8"><p>café</p>';
    expect(decodeHtml(latin1(page), 'text/html; charset=ISO-8859-1')).toContain('café');
  });

  it('reads valid UTF-8 as UTF-8, even under a stale legacy declaration', () => {
    const page = '<meta charset="gb2312"><p>新闻 und Grüße</p>';
    expect(decodeHtml(utf8(page))).toContain('新闻 und Grüße');
  });

  it('falls back to windows-1252 for undeclared bytes that are not UTF-8', () => {
    // “smart” and ä in windows-1252: 0x93, 0x94, 0xE4 (not valid UTF-8).
    const bytes = Uint8Array.from([...latin1('<p>'), 0x93, ...latin1('smart'), 0x94, 0x20, 0xe4]);
    expect(decodeHtml(bytes)).toBe('<p>“smart” ä');
  });

  it('finds the declaration only in the first 1,024 bytes', () => {
    expect(declaredCharset(latin1('<meta charset="koi8-r">'))).toBe('koi8-r');
    expect(declaredCharset(latin1(' '.repeat(1100) + '<meta charset="koi8-r">'))).toBeNull();
  });

  it('follows a declaration later in the head, as the parser changes encoding there', () => {
    const late = latin1(`<html><head><script>${' '.repeat(1500)}</script><meta charset="iso-8859-2"></head><body><p>`);
    expect(headCharset(late)).toBe('iso-8859-2');
    // "Łódź" in ISO-8859-2: Ł 0xA3, ó 0xF3, d, ź 0xBC.
    expect(decodeHtml(Uint8Array.from([...late, 0xa3, 0xf3, 0x64, 0xbc]))).toContain('Łódź');
    // Not one in the body: the head is parsed by then.
    expect(headCharset(latin1(`<html><head></head><body>${' '.repeat(1500)}<meta charset="koi8-r">`))).toBeNull();
  });
});
