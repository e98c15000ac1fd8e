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
import { isSameSite } from '../url';
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
      return saveAnnotation(db, annotation);
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
      return restoreAnnotation(db, annotation);
    },
    'annotations:import': async ({ json }) => {
      return importAnnotations(db, parseWebAnnotationJson(json));
    },
    'page:visit': async ({ page }, caller) => {
      checkOrigin(caller, String((page as { url?: unknown }).url ?? ''));
      await upsertPage(db, page);
      return null;
    },
  };
}
