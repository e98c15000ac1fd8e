import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { HighlightCard } from '../../components/HighlightCard';
import { HoverCard, type HoverInfo } from '../../components/HoverCard';
import { SelectionToolbar, type ToolbarChoice } from '../../components/SelectionToolbar';
import css from '../../components/overlay.css?inline';
import type { Annotation, AnnotationPatch } from '../db/types';
import { isDarkPage } from './highlighter';

type ToolbarState = {
  rect: { left: number; top: number; bottom: number };
  onSave: (c: ToolbarChoice) => Promise<void>;
  /** Whether the toolbar takes the focus (a keyboard selection). */
  focus?: boolean;
  /** Whether it opens with the note field (the "Highlight with note…" menu item). */
  expanded?: boolean;
};

/** One of the reader's highlights open in the page, and what its card's buttons do. */
export type EditorState = {
  annotation: Annotation;
  at: { x: number; y: number };
  onSave: (patch: AnnotationPatch) => Promise<void>;
  onDelete: () => Promise<void>;
  onUndo: () => Promise<void>;
};

/**
 * Gloss's UI inside the page (the selection toolbar, the hover card and the
 * card of a highlight open to edit), in one closed shadow root that exists
 * only while something is shown, so the page's markup is left as it was the
 * rest of the time.
 */
export class Overlay {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private mounting: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private toolbar: ToolbarState | null = null;
  private card: HoverInfo | null = null;
  private editor: EditorState | null = null;
  /** Whether the open highlight has changes the reader has not saved. */
  private dirty = false;
  /** Renders the same editor afresh (a new key) when it is opened again. */
  private opened = 0;

  /** @param loadTags the reader's tags for completion, most used first. */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly loadTags: () => Promise<string[]>,
  ) {}

  /** The host element, while mounted (its text is not the page's). */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** Whether an event happened inside Gloss's UI (its path crosses the shadow root's host). */
  isInside(event: Event): boolean {
    return !!this.ui && event.composedPath().includes(this.ui.shadowHost);
  }

  showToolbar(state: ToolbarState): Promise<void> {
    this.toolbar = state;
    this.card = null; // the reader is highlighting, not reading the card
    this.editor = null; // the reader has moved on to a new selection
    this.dirty = false;
    return this.update();
  }

  /** Opens one of the reader's highlights to edit (in place of the toolbar and the hover card). */
  showEditor(state: EditorState): Promise<void> {
    this.editor = state;
    this.toolbar = null;
    this.card = null;
    this.dirty = false;
    this.opened++;
    return this.update();
  }

  hideEditor(): Promise<void> {
    if (!this.editor) return Promise.resolve();
    this.editor = null;
    this.dirty = false;
    return this.update();
  }

  get editorOpen(): boolean {
    return this.editor !== null;
  }

  /** The id of the highlight open to edit, if any. */
  get editing(): string | null {
    return this.editor?.annotation.id ?? null;
  }

  /** Whether the open highlight has changes not yet saved (a click elsewhere then leaves it open). */
  get editorDirty(): boolean {
    return this.dirty;
  }

  hideToolbar(): Promise<void> {
    this.toolbar = null;
    return this.update();
  }

  get toolbarOpen(): boolean {
    return this.toolbar !== null;
  }

  /** Whether the keyboard's focus is in Gloss's UI. */
  isFocused(): boolean {
    return !!this.ui && document.activeElement === this.ui.shadowHost;
  }

  get cardOpen(): boolean {
    return this.card !== null;
  }

  /** Whether the open card was opened from the keyboard (it stays until closed, not when the pointer moves). */
  get cardPinned(): boolean {
    return this.card?.focus !== undefined || this.card?.pinned === true;
  }

  /** Whether the pointer is on the card (on its way to a button): the card then stays. */
  pointerOnCard = false;

  showCard(info: HoverInfo | null): Promise<void> {
    if (!info && !this.card) return Promise.resolve();
    if (!info) this.pointerOnCard = false;
    this.card = info;
    return this.update();
  }

  private async update(): Promise<void> {
    if (!this.toolbar && !this.card && !this.editor) {
      if (this.ui) render(null, this.ui.uiContainer);
      this.ui?.remove();
      this.ui = null;
      return;
    }
    const ui = this.ui ?? (await this.mount());
    const { toolbar, card, editor } = this;
    render(
      <div class={isDarkPage() ? 'layer dark' : 'layer'}>
        {toolbar && (
          <SelectionToolbar
            key={`${toolbar.rect.left},${toolbar.rect.top}`}
            rect={toolbar.rect}
            onSave={toolbar.onSave}
            onClose={() => void this.hideToolbar()}
            autoFocus={toolbar.focus}
            startExpanded={toolbar.expanded}
            loadTags={this.loadTags}
          />
        )}
        {editor && (
          <HighlightCard
            key={`${editor.annotation.id}:${this.opened}`}
            annotation={editor.annotation}
            at={editor.at}
            loadTags={this.loadTags}
            onSave={editor.onSave}
            onDelete={editor.onDelete}
            onUndo={editor.onUndo}
            onClose={() => void this.hideEditor()}
            onDirty={(dirty) => (this.dirty = dirty)}
          />
        )}
        {card && (
          <HoverCard
            {...card}
            onClose={card.onClose ?? (() => void this.showCard(null))}
            onPointer={(inside) => (this.pointerOnCard = inside)}
          />
        )}
      </div>,
      ui.uiContainer,
    );
  }

  private async mount(): Promise<ShadowRootContentScriptUi<void>> {
    this.mounting ??= createShadowRootUi(this.ctx, {
      name: 'gloss-overlay',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      css,
      // Closed: page scripts cannot reach into it and read what the reader types or sees there.
      mode: 'closed',
      isolateEvents: true,
      onMount: () => {},
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      this.mounting = null;
      return ui;
    });
    return this.mounting;
  }
}
