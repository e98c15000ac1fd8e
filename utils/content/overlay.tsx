import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { HoverCard, type HoverInfo } from '../../components/HoverCard';
import { SelectionToolbar, type ToolbarChoice } from '../../components/SelectionToolbar';
import css from '../../components/overlay.css?inline';

type ToolbarState = {
  rect: { left: number; top: number; bottom: number };
  onSave: (c: ToolbarChoice) => Promise<void>;
  /** Whether the toolbar takes the focus (a keyboard selection). */
  focus?: boolean;
  /** Whether it opens with the note field (the "Highlight with note…" menu item). */
  expanded?: boolean;
};

/**
 * Gloss's UI inside the page (the selection toolbar and the hover card), in
 * one shadow root that exists only while something is shown, so the page's
 * markup is left as it was the rest of the time.
 */
export class Overlay {
  private ui: ShadowRootContentScriptUi<void> | null = null;
  private mounting: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private toolbar: ToolbarState | null = null;
  private card: HoverInfo | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

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
    return this.update();
  }

  hideToolbar(): Promise<void> {
    this.toolbar = null;
    return this.update();
  }

  get toolbarOpen(): boolean {
    return this.toolbar !== null;
  }

  showCard(info: HoverInfo | null): Promise<void> {
    if (!info && !this.card) return Promise.resolve();
    this.card = info;
    return this.update();
  }

  private async update(): Promise<void> {
    if (!this.toolbar && !this.card) {
      if (this.ui) render(null, this.ui.uiContainer);
      this.ui?.remove();
      this.ui = null;
      return;
    }
    const ui = this.ui ?? (await this.mount());
    const { toolbar, card } = this;
    render(
      <div class="layer">
        {toolbar && (
          <SelectionToolbar
            key={`${toolbar.rect.left},${toolbar.rect.top}`}
            rect={toolbar.rect}
            onSave={toolbar.onSave}
            onClose={() => void this.hideToolbar()}
            autoFocus={toolbar.focus}
            startExpanded={toolbar.expanded}
          />
        )}
        {card && <HoverCard {...card} />}
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
