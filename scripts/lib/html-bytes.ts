/**
 * Bytes of a saved page → its text. Bytes that are valid UTF-8 are read as UTF-8 whatever
 * the page declares (saved copies are often re-encoded to UTF-8 with their old `<meta
 * charset>` left in, and text in a legacy encoding is practically never valid UTF-8 by
 * chance); other bytes the way a browser reads them: a byte order mark, else the charset of
 * the HTTP Content-Type header, else a `<meta charset>` or `<meta http-equiv="Content-Type"
 * content="…; charset=…">` in the first 1,024 bytes (the HTML standard's prescan), else one
 * later in the `<head>` (where the parser changes to it), else windows-1252, the usual legacy
 * default.
 */

/** The charset named in a Content-Type value or a meta tag's content, if any. */
function charsetIn(s: string): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(s)?.[1] ?? null;
}

/** The charset a page's first 1,024 bytes declare in a meta tag, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  return metaCharset(new TextDecoder('latin1').decode(bytes.subarray(0, 1024)));
}

/**
 * The charset a meta tag declares later in the page's `<head>`, past the first 1,024 bytes
 * (a web archive's replay scripts often push it there): a browser that meets it while
 * parsing the head with a guessed encoding changes to it and parses again (the HTML
 * standard's "change the encoding").
 */
export function headCharset(bytes: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 256 * 1024));
  const end = text.search(/<\/head\s*>|<body[\s>]/i);
  return metaCharset(end >= 0 ? text.slice(0, end) : text);
}

function metaCharset(head: string): string | null {
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(tag);
    if (direct && !/http-equiv/i.test(tag)) return direct[1];
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*("([^"]*)"|'([^']*)'|[^\s>]+)/i.exec(tag);
      const cs = content ? charsetIn(content[2] ?? content[3] ?? content[1]) : null;
      if (cs) return cs;
    }
  }
  return null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (Node decodes them as C1 controls, as ISO-8859-1 does). */
const CP1252 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes with `d`, mending Node's windows-1252 (and so ISO-8859-1, its WHATWG alias) in 0x80–0x9F. */
function decodeWith(d: TextDecoder, bytes: Uint8Array): string {
  const text = d.decode(bytes);
  return d.encoding === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]) : text;
}

function decoder(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    // A page that says UTF-16 in its markup is read as UTF-8, as browsers do.
    return new TextDecoder(/^utf-16/i.test(label) ? 'utf-8' : label);
  } catch {
    return null;
  }
}

/** The page's text. `contentType`: the HTTP Content-Type header, when the page came with one. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const named =
      decoder(contentType ? charsetIn(contentType) : null) ??
      decoder(declaredCharset(bytes)) ??
      decoder(headCharset(bytes));
    return decodeWith(named ?? new TextDecoder('windows-1252'), bytes);
  }
}
