import type { GlossDB } from '../db';
import {
  deleteAnnotation,
  getAnnotation,
  importAnnotations,
  listAnnotations,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
  upsertPage,
} from '../db/store';
import { parseWebAnnotationJson } from '../export';
import { markAnnotated } from '../settings';
import { isSameSite, siteOf } from '../url';
import type { AnalysisService } from './analysis-service';
import { originOf, RequestError, type Caller, type Handlers } from './router';

/**
 * A page may only reach the annotations of its own site. (Site, not origin:
 * a page's canonical URL, its key, is often on another scheme or subdomain.)
 */
function checkOrigin(caller: Caller, url: string): void {
  if (caller.kind === 'content' && (!originOf(url) || !isSameSite(url, caller.origin))) {
    throw new RequestError('forbidden', 'A page can only reach its own highlights.');
  }
}

/** The background's answers to every request, over the database and the analysis. */
export function createHandlers(db: GlossDB, analysis: AnalysisService): Handlers {
  return {
    analyze: ({ text }) => analysis.analyze(text),
    'annotations:list': async ({ url }, caller) => {
      checkOrigin(caller, url);
      return listAnnotations(db, url);
    },
    'annotation:save': async ({ annotation }, caller) => {
      checkOrigin(caller, String((annotation as { url?: unknown }).url ?? ''));
      const saved = await saveAnnotation(db, annotation);
      await markAnnotated([siteOf(saved.url)]);
      return saved;
    },
    'annotation:update': async ({ id, patch }, caller) => {
      if (caller.kind === 'content') checkOrigin(caller, (await getAnnotation(db, id)).url);
      return updateAnnotation(db, id, patch);
    },
    'annotation:delete': async ({ id }, caller) => {
      if (caller.kind === 'content') checkOrigin(caller, (await getAnnotation(db, id)).url);
      return deleteAnnotation(db, id);
    },
    'annotation:restore': async ({ annotation }, caller) => {
      checkOrigin(caller, String((annotation as { url?: unknown }).url ?? ''));
      const restored = await restoreAnnotation(db, annotation);
      await markAnnotated([siteOf(restored.url)]);
      return restored;
    },
    'annotations:import': async ({ json }) => {
      const parsed = parseWebAnnotationJson(json);
      const result = await importAnnotations(db, parsed);
      await markAnnotated([...new Set(parsed.annotations.map((a) => siteOf(a.url)))]);
      return result;
    },
    'page:visit': async ({ page }, caller) => {
      checkOrigin(caller, String((page as { url?: unknown }).url ?? ''));
      await upsertPage(db, page);
      return null;
    },
  };
}
