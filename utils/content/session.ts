import type { ContentScriptContext } from '#imports';
import { describe } from '../anchoring';
import type { Annotation, AnnotationPatch } from '../db/types';
import { boundaryOffset, type TextMap } from '../dom/text-map';
import { extractArticle } from '../extract';
import type { Extraction } from '../extract/types';
import { askFromPage } from '../messaging/client';
import {
  analysesNames,
  MAX_ANALYSED_TEXT,
  type PageState,
  type SiteMode,
  type TabProtocol,
} from '../messaging/protocol';
import { getSiteMode, mayHaveAnnotations } from '../settings';
import { normalizeUrl } from '../url';
import { ArticleLayer, PRIORITY } from './article-layer';
import { AnnotationLayer } from './annotation-layer';
import { Highlighter, isDarkPage } from './highlighter';
import { Overlay } from './overlay';
import { nestedDeeperThan, pageTextMap } from './page-text';
import { analysableText } from './analysable';
import { TagSource } from './tag-source';
import { watchVisibility } from './watch-visibility';
import type { ToolbarChoice } from '../../components/SelectionToolbar';

/** Deepest nesting of elements Gloss reads (the HTML parser itself stops at 512). */
const MAX_DEPTH = 1000;

/**
 * Gloss on one page: decides whether it is an article, paints its quotations
 * and entities, anchors and paints the reader's highlights, and answers the
 * popup. Restarted on in-page navigation.
 */
export class PageSession {
  readonly highlighter = new Highlighter();
  readonly article = new ArticleLayer(this.highlighter);
  readonly notes = new AnnotationLayer(this.highlighter);
  readonly overlay: Overlay;
  readonly tags = new TagSource(() => askFromPage('tags:list', {}));
  private extraction: Extraction | null = null;
  private current: PageState['status'] = 'starting';
  /** When `current` was reached, if it is a decision (see `PageState.decidedAt`). */
  private decidedAt: number | undefined;
  private error: string | undefined;
  private analysedText = '';
  private partial: PageState['partial'];
  private generation = 0;
  private flashTimer: number | undefined;

  constructor(private readonly ctx: ContentScriptContext) {
    this.overlay = new Overlay(ctx, this.tags.get);
    // A card describing marks just hidden would describe what the reader no longer sees.
    watchVisibility(ctx, this.highlighter, () => void this.overlay.showCard(null));
  }

  /** Where Gloss is with this page (cheap, unlike `state()`). */
  get status(): PageState['status'] {
    return this.current;
  }

  /** This page's URL as annotations are stored under it. */
  get url(): string {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
    return normalizeUrl(location.href, canonical);
  }

  /**
   * (Re)starts on the current document; `force` analyses it even if it is not an article. `siteMode`, the
   * reader's choice for this site as the caller has just read it, spares reading it again before extracting.
   */
  async start(force = false, siteMode?: SiteMode): Promise<void> {
    const generation = ++this.generation;
    this.become('starting');
    this.article.clear();
    this.extraction = null;
    this.analysedText = '';
    this.partial = undefined;
    this.error = undefined;
    const mode = siteMode ?? (await getSiteMode(location.href));
    if (generation !== this.generation) return;
    if (mode === 'never' && !force) this.become('never');
    else await this.analyse(force || mode === 'always');
    await this.loadAnnotations();
  }

  /**
   * Looks again once the page settles after a change: a page that renders its
   * article late is detected then; an article whose text changed (late
   * paragraphs, "continue reading", edits) is analysed again; the reader's
   * highlights are re-anchored.
   */
  async refresh(): Promise<void> {
    if (this.current === 'not-article') await this.analyse(false);
    else if (this.current === 'article' || this.current === 'error') {
      const next = this.extract(true);
      // New text, or the same text in new nodes (a re-render): the painted ranges are stale.
      const stale = this.extraction?.map.segments.some((s) => !s.node.isConnected) ?? true;
      if (next && (next.map.text !== this.analysedText || stale)) await this.analyse(true, next);
    }
    if (this.notes.state().length) await this.anchorNotes(this.notes.state().map((s) => s.annotation));
  }

  /** Extracts the article, or says why it could not (status 'error'): a hostile page must not leave Gloss 'starting'. */
  private extract(force: boolean): Extraction | null {
    const fail = (message: string): null => {
      this.current = 'error';
      this.error = message;
      return null;
    };
    if (document.body && nestedDeeperThan(document.body, MAX_DEPTH))
      return fail('This page is built too deep for Gloss to read.');
    try {
      return extractArticle(document, { force });
    } catch (err) {
      return fail(`Gloss could not read this page: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Extracts the article (detection first: a page that is not one costs almost nothing) and paints its analysis. */
  private async analyse(force: boolean, extraction = this.extract(force)): Promise<void> {
    const generation = this.generation;
    if (!extraction) return;
    if (!extraction.isArticle && !force) {
      this.become('not-article');
      return;
    }
    this.extraction = extraction;
    this.become('analysing');
    try {
      const full = extraction.map.text;
      const text = analysableText(full, MAX_ANALYSED_TEXT);
      const { title, publisher, byline, published, canonicalUrl, language } = extraction.metadata;
      // Only an article is offered for remembering (the background decides, after the reader's choice).
      const article = extraction.isArticle
        ? { url: this.url, metadata: { title, publisher, byline, published, canonicalUrl, language } }
        : undefined;
      const analysis = await askFromPage('analyze', { text, names: analysesNames(language), article });
      if (generation !== this.generation) return;
      this.analysedText = full;
      this.partial = text.length < full.length ? { analysed: text.length, total: full.length } : undefined;
      const painted = await this.article.show(
        extraction.map,
        analysis,
        isDarkPage(),
        () => generation !== this.generation || this.ctx.isInvalid,
      );
      if (painted) this.become('article');
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      this.become('error');
    }
  }

  /** Moves to `status`, noting when a decision was reached. */
  private become(status: PageState['status']): void {
    this.current = status;
    this.decidedAt = status === 'starting' || status === 'analysing' ? undefined : performance.now();
  }

  /** Loads the reader's annotations of this page and anchors them. */
  async loadAnnotations(): Promise<void> {
    try {
      if (this.notes.state().length === 0 && !(await mayHaveAnnotations(this.url))) return;
      const list = await askFromPage('annotations:list', { url: this.url });
      await this.anchorNotes(list);
    } catch (err) {
      console.warn('Gloss: could not load your highlights:', err);
    }
  }

  /** Anchors the reader's highlights afresh, in slices (see `AnnotationLayer.anchorAll`). */
  private async anchorNotes(list: Annotation[]): Promise<void> {
    if (list.length === 0 && this.notes.state().length === 0) return;
    await this.notes.anchorAll(pageTextMap(document, this.overlay.host), list, isDarkPage());
  }

  /** What the popup shows of this page. */
  state(): PageState {
    return {
      url: this.url,
      status: this.current,
      decidedAt: this.decidedAt,
      error: this.error,
      partial: this.partial,
      isNews: this.extraction?.isNews ?? false,
      names: analysesNames(this.extraction?.metadata.language ?? null),
      metadata: this.extraction?.metadata ?? null,
      quotes: this.article.quotes,
      entities: this.article.entities,
      annotations: this.notes.state(),
    };
  }

  /** Scrolls to a quotation, an entity's `step`-th mention or an annotation, and flashes it. */
  reveal({ kind, index, step }: TabProtocol['page:reveal'][0]): boolean {
    const range =
      kind === 'annotation' ? this.notes.rangeOf(String(index)) : this.article.rangeOf(kind, Number(index), step ?? 0);
    if (!range) return false;
    const rect = range.getBoundingClientRect();
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'smooth' });
    this.flash(range);
    return true;
  }

  /** Marks `range` for two seconds, so the eye finds it after a jump. */
  flash(range: Range): void {
    this.highlighter.set('gloss-focus', [range], PRIORITY.focus);
    clearTimeout(this.flashTimer);
    this.flashTimer = this.ctx.setTimeout(() => this.highlighter.set('gloss-focus', [], 0), 2000);
  }

  /** Saves the current selection as a highlight with the reader's choice. */
  async saveSelection(range: Range, choice: ToolbarChoice): Promise<Annotation> {
    const map: TextMap = pageTextMap(document, this.overlay.host);
    const start = boundaryOffset(map, range.startContainer, range.startOffset, 'start');
    const end = boundaryOffset(map, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) throw new Error('Gloss cannot highlight this selection.');
    const url = this.url;
    const selectors = describe(map.text, start, end);
    const saved = await askFromPage('annotation:save', {
      annotation: {
        url,
        target: { source: url, selectors },
        color: choice.color,
        note: choice.note,
        tags: choice.tags,
      },
    });
    const meta = this.extraction?.metadata;
    await askFromPage('page:visit', {
      // The page schema reads byline, publisher and published from the metadata and drops the rest.
      page: { ...meta, url, title: meta?.title || document.title || url, lastVisited: Date.now() },
    }).catch(() => {}); // the page record is a convenience for export; the highlight is saved
    this.notes.add(saved, range.cloneRange(), isDarkPage());
    this.tags.learn(saved.tags);
    return saved;
  }

  /** Saves the reader's change to one of this page's highlights and repaints it. */
  async editNote(id: string, patch: AnnotationPatch): Promise<Annotation> {
    const updated = await askFromPage('annotation:update', { id, patch });
    this.notes.update(updated);
    this.tags.learn(updated.tags);
    return updated;
  }

  /** Deletes one of this page's highlights; returns the record and where it was, for Undo. */
  async deleteNote(id: string): Promise<{ record: Annotation; range: Range | null }> {
    const range = this.notes.rangeOf(id);
    const record = await askFromPage('annotation:delete', { id });
    this.notes.remove(id);
    return { record, range };
  }

  /** Puts back a highlight deleted from this page, where it was (anchored afresh if the page changed since). */
  async restoreNote(record: Annotation, range: Range | null): Promise<Annotation> {
    const restored = await askFromPage('annotation:restore', { annotation: record });
    const intact = range && range.startContainer.isConnected && range.endContainer.isConnected;
    if (intact) this.notes.add(restored, range, isDarkPage());
    else await this.anchorNotes([...this.notes.state().map((s) => s.annotation), restored]);
    return restored;
  }
}
