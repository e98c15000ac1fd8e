import { useState } from 'preact/hooks';
import type { PageEntity } from '../../utils/messaging/protocol';
import type { PageHandle } from './use-page';

const TYPES: { type: string; label: string }[] = [
  { type: 'PER', label: 'People' },
  { type: 'ORG', label: 'Organisations' },
  { type: 'LOC', label: 'Places' },
  { type: 'MISC', label: 'Other names' },
];

/** A language tag as a reader knows it ("de" → "German"), or the tag itself. */
export function languageName(tag: string | null | undefined): string {
  if (!tag) return 'another language';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag.trim()) ?? tag;
  } catch {
    return tag;
  }
}

/** The page's entities by type, most mentioned first; each click steps to the next mention. */
export function EntitiesPanel({ page }: { page: PageHandle }) {
  const entities = page.state?.entities ?? [];
  const [steps, setSteps] = useState<Record<number, number>>({});
  if (page.state && !page.state.names) {
    return (
      <p class="empty">
        Names are analysed in English only; this page is in {languageName(page.state.metadata?.language)}. Its
        quotations are marked, without speakers.
      </p>
    );
  }
  if (entities.length === 0) return <p class="empty">No names found in this article.</p>;
  const reveal = (e: PageEntity) => {
    const step = steps[e.index] ?? 0;
    setSteps({ ...steps, [e.index]: step + 1 });
    void page.ask('page:reveal', { kind: 'entity', index: e.index, step });
  };
  return (
    <div class="groups">
      {TYPES.map(({ type, label }) => {
        const list = entities.filter((e) => e.type === type).sort((a, b) => b.count - a.count);
        if (!list.length) return null;
        return (
          <section key={type} class={`group entities ${type.toLowerCase()}`} data-type={type}>
            <h2>
              {label} <span class="count">{list.length}</span>
            </h2>
            <ul class="chips">
              {list.map((e) => (
                <li key={e.index}>
                  <button
                    class="chip"
                    title={`Show mention ${((steps[e.index] ?? 0) % e.count) + 1} of ${e.count}`}
                    onClick={() => reveal(e)}
                  >
                    <span class="name">{e.name}</span> <span class="count">{e.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
