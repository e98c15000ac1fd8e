/**
 * What a page's address says about who publishes it. News organisations file
 * stories by section and date and list their writers by name ("/by/jane-doe");
 * platforms of many individual writers give each an "@handle", blogs say so in
 * their address, and serial fiction is filed by chapter.
 */

/** A URL's host and path segments, or null when it is not http(s). */
function parts(url: string | null): { host: string; segments: string[] } | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (!/^https?:$/.test(u.protocol)) return null;
    return {
      host: u.hostname.replace(/^www\./, ''),
      segments: u.pathname.split('/').filter(Boolean).map(decodeSegment),
    };
  } catch {
    return null;
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s).toLowerCase();
  } catch {
    return s.toLowerCase();
  }
}

const isHandle = (segment: string): boolean => /^@[\p{L}\p{N}._-]{2,}$/u.test(segment);

/**
 * Whether the page is a post in one writer's space on a platform of many
 * writers: its own URL has an "@handle" segment, or its author's profile is
 * an @handle on the page's host or a parent of it (a writer's subdomain).
 * Such platforms often mark every post as news.
 */
export function inWriterSpace(pageUrl: string | null, authorUrls: string[]): boolean {
  const page = parts(pageUrl);
  if (!page) return false;
  if (page.segments.some(isHandle)) return true;
  return authorUrls.some((a) => {
    const author = parts(a);
    const sameSite = !!author && (author.host === page.host || page.host.endsWith(`.${author.host}`));
    return sameSite && author.segments.some(isHandle);
  });
}

/** A blog's address: a "blog"/"blogs" path segment, or "blog" in a host label (blog.example.org, example.blogspot.com). */
export function isBlogUrl(url: string | null): boolean {
  const p = parts(url);
  if (!p) return false;
  if (p.segments.slice(0, -1).some((s) => s === 'blog' || s === 'blogs')) return true;
  return p.host
    .split('.')
    .slice(0, -1)
    .some((label) => /blog/.test(label));
}

/** A chapter of serial fiction: ".../chapter/123/..." or a segment "chapter-12". */
export function isChapterUrl(url: string | null): boolean {
  const p = parts(url);
  if (!p) return false;
  return p.segments.some(
    (s, i) => ((s === 'chapter' || s === 'chapters') && i < p.segments.length - 1) || /^ch(?:apter)?-?\d+$/.test(s),
  );
}

/** A forum's address: a thread or topic of a board (a forum host, "/forum/…", "/threads/…", "viewtopic.php", "showthread.php"). */
export function isForumUrl(url: string | null): boolean {
  const p = parts(url);
  if (!p) return false;
  if (/^(?:forums?|foren|community)\./.test(p.host)) return true;
  return p.segments.some((s) => /^(?:forums?|foren|threads?|viewtopic\.php|showthread\.php)$/.test(s));
}

/**
 * An address shaped like one story's: a date in the path (/2020/04/…), a slug
 * of three or more words (…/new-rules-for-schools), or a story number of
 * five or more digits (…/article/123456, …?idxno=123456).
 */
export function isStoryUrl(url: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return false;
  }
  if (!/^https?:$/.test(u.protocol)) return false;
  if (/\/(?:19|20)\d\d\/[01]?\d\//.test(u.pathname)) return true;
  if (/(?:^|[=/_-])\d{5,}(?:$|[&/._-])/.test(u.pathname + u.search)) return true;
  const segments = u.pathname.split('/').filter(Boolean).map(decodeSegment);
  return segments.some(
    (s) =>
      s
        .replace(/\.\w+$/, '')
        .split(/[-_]+/)
        .filter((w) => /\p{L}{2,}/u.test(w)).length >= 3,
  );
}
