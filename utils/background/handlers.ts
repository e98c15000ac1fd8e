import type { GlossDB } from '../db';
import {
  deleteAnnotation,
  importFile,
  listAnnotations,
  listTags,
  restoreAnnotation,
  saveAnnotation,
  updateAnnotation,
  upsertPage,
} from '../db/store';
import {
  getSourcesSettings,
  markAnnotated,
  setRememberSources,
  setSiteExcluded,
  shouldRememberSource,
} from '../settings';
import { buildSourceRecord } from '../sources/record';
import { keepQuote } from '../sources/keep';
import { quoteIndex } from '../sources/quote-index';
import {
  identityArticles,
  listEntities,
  listRememberedArticles,
  listSpeakers,
  searchQuotes,
  speakerQuotes,
} from '../sources/queries';
import {
  dropQuote,
  forgetArticle,
  forgetEverything,
  forgetSite,
  mergeIdentities,
  reassignQuote,
  rememberArticle,
  splitIdentity,
} from '../sources/store';
import { siteOf } from '../site';
import type { AnalysisService } from './analysis-service';
import { originOf, RequestError, type Caller, type Handlers } from './router';

/**
 * A content script may only reach URLs of the origin the browser says it runs
 * on (`caller.origin` comes from the message's sender, never from the page).
 * A page's key is on that origin too: a canonical link elsewhere is ignored.
 */
function checkOrigin(caller: Caller, ...urls: unknown[]): void {
  if (caller.kind !== 'content') return;
  for (const url of urls) {
    if (typeof url !== 'string' || originOf(url) !== caller.origin) {
      throw new RequestError('forbidden', 'A page can only reach its own highlights.');
    }
  }
}

/** A field of an untrusted payload object, before the store validates it. */
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;

/** Test seams of the handlers. */
export type HandlerOptions = {
  /** Tells the open tabs of these pages that their highlights changed (after an import). */
  notifyTabs?: (urls: string[]) => Promise<void>;
  /** Called with the promise of each article's remembering (which the analysis request does not wait for). */
  onRemember?: (done: Promise<void>) => void;
};

/** The background's answers to every request, over the database and the analysis. */
export function createHandlers(db: GlossDB, analysis: AnalysisService, options: HandlerOptions = {}): Handlers {
  const notifyTabs = options.notifyTabs ?? (async () => {});
  let remembering: Promise<void> = Promise.resolve();
  return {
    // An article's analysis is remembered when the reader turned that on and did not exclude its site. Only a
    // page's own address is remembered. The analysis is answered at once: remembering follows it (one write at a
    // time), and a failure to remember never fails the analysis.
    analyze: async ({ text, names, article }, caller) => {
      if (article) checkOrigin(caller, article.url);
      const result = await analysis.analyze(text, names !== false);
      if (article) {
        remembering = remembering.then(async () => {
          try {
            if (!(await shouldRememberSource(article.url))) return;
            await rememberArticle(
              db,
              buildSourceRecord({ url: article.url, metadata: article.metadata, text, analysis: result }),
            );
          } catch (err) {
            console.warn('Gloss: could not remember this article:', err);
          }
        });
        options.onRemember?.(remembering);
      }
      return result;
    },
    'annotations:list': async ({ url }, caller) => {
      checkOrigin(caller, url);
      return listAnnotations(db, url);
    },
    'annotation:save': async ({ annotation }, caller) => {
      checkOrigin(caller, field(annotation, 'url'), field(field(annotation, 'target'), 'source'));
      const saved = await saveAnnotation(db, annotation);
      await markAnnotated([siteOf(saved.url)]);
      return saved;
    },
    // A page's own content script edits, deletes and restores only highlights of its own origin (the reader's card
    // in the page); Gloss's pages reach every highlight.
    // The origin is checked on the stored record inside the write's own transaction.
    'annotation:update': ({ id, patch }, caller) =>
      updateAnnotation(db, id, patch, (stored) => checkOrigin(caller, stored.url)),
    'annotation:delete': ({ id }, caller) => deleteAnnotation(db, id, (stored) => checkOrigin(caller, stored.url)),
    // Restoring never replaces a record that is there (the store refuses a different one), so a page cannot
    // overwrite a highlight through it.
    'annotation:restore': async ({ annotation }, caller) => {
      checkOrigin(caller, field(annotation, 'url'), field(field(annotation, 'target'), 'source'));
      const restored = await restoreAnnotation(db, annotation);
      await markAnnotated([siteOf(restored.url)]);
      return restored;
    },
    'tags:list': async () => listTags(db),
    // Imports come from Gloss's own pages only (the router refuses them from content scripts).
    // All or nothing: a report with `imported: false` wrote nothing. Open tabs of changed pages are told at once.
    'annotations:import': async ({ json }) => {
      const report = await importFile(db, json);
      if (report.imported && report.changedUrls.length > 0) {
        await markAnnotated([...new Set(report.changedUrls.map(siteOf))]);
        await notifyTabs(report.changedUrls);
      }
      return report;
    },
    // The library page imports large files itself (one transaction, the same import code) and then says which
    // pages changed; only Gloss's own pages can send this (the router refuses it from content scripts).
    'annotations:imported': async ({ urls }) => {
      if (urls.length > 0) {
        await markAnnotated([...new Set(urls.map(siteOf))]);
        await notifyTabs(urls);
      }
      return null;
    },
    // Remembered sources: the router lets only Gloss's own pages make these requests.
    'sources:settings': async ({ remember, exclude }) => {
      if (remember !== undefined) await setRememberSources(remember);
      if (exclude) await setSiteExcluded(exclude.site, exclude.excluded);
      return getSourcesSettings();
    },
    'sources:speakers': ({ offset, limit, name }) => listSpeakers(db, offset, limit, name),
    'sources:entities': ({ type, offset, limit, name }) => listEntities(db, type, offset, limit, name),
    'sources:identity-articles': ({ id, offset, limit }) => identityArticles(db, id, offset, limit),
    'sources:speaker-quotes': ({ id }) => speakerQuotes(db, id),
    'sources:search': ({ query, speakerId, offset, limit }) => searchQuotes(db, query, { speakerId, offset, limit }),
    'sources:prepare': async () => ({ ready: (await quoteIndex(db)) !== null }),
    'sources:keep': async ({ quoteId }) => {
      const kept = await keepQuote(db, quoteId);
      if (!kept.already) await markAnnotated([siteOf(kept.annotation.url)]);
      return kept;
    },
    'sources:articles': ({ offset, limit }) => listRememberedArticles(db, offset, limit),
    'sources:reassign': ({ quoteId, speaker }) => reassignQuote(db, quoteId, speaker),
    'sources:drop': ({ quoteId }) => dropQuote(db, quoteId),
    'sources:merge': ({ from, into }) => mergeIdentities(db, from, into),
    'sources:split': ({ id, name }) => splitIdentity(db, id, name),
    'sources:forget': async (scope) => {
      if ('article' in scope) return forgetArticle(db, scope.article);
      if ('site' in scope) return forgetSite(db, scope.site);
      await forgetEverything(db);
      return null;
    },
    'page:visit': async ({ page }, caller) => {
      checkOrigin(caller, field(page, 'url'));
      await upsertPage(db, page);
      return null;
    },
  };
}
