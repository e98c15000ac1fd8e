import { useState } from 'preact/hooks';
import type { Annotation, AnnotationPatch } from '../../utils/db/types';
import { sendToBackground } from '../../utils/messaging/client';
import { NoteItem } from './NoteItem';
import type { PageHandle } from './use-page';

/** The reader's highlights on this page; those not found are listed apart. Deleting can be undone. */
export function NotesPanel({ page }: { page: PageHandle }) {
  const [deleted, setDeleted] = useState<Annotation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = page.state?.annotations ?? [];
  const found = all.filter((a) => a.anchored);
  const lost = all.filter((a) => !a.anchored);

  /** Runs a change, then has the page re-anchor; a failure is shown and thrown on to the caller. */
  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await page.ask('page:annotations-changed', {});
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      throw err;
    }
  };
  const edit = (id: string) => (patch: AnnotationPatch) =>
    run(() => sendToBackground('annotation:update', { id, patch }));
  const remove = (a: Annotation) =>
    run(async () => setDeleted(await sendToBackground('annotation:delete', { id: a.id }))).catch(() => {});
  const undo = () =>
    run(async () => {
      if (deleted) await sendToBackground('annotation:restore', { annotation: deleted });
      setDeleted(null);
    }).catch(() => {});

  return (
    <div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {deleted && (
        <div class="snackbar" role="status">
          Highlight deleted. <button onClick={() => void undo()}>Undo</button>
        </div>
      )}
      {all.length === 0 && <p class="empty">No highlights here yet. Select text on the page to save one.</p>}
      {found.length > 0 && (
        <ul class="notes">
          {found.map(({ annotation: a }) => (
            <NoteItem
              key={a.id}
              annotation={a}
              onShow={() => void page.ask('page:reveal', { kind: 'annotation', index: a.id })}
              onDelete={() => void remove(a)}
              onEdit={edit(a.id)}
            />
          ))}
        </ul>
      )}
      {lost.length > 0 && (
        <section class="orphans">
          <h2>Not found on this page</h2>
          <p class="hint">The page changed and these words are no longer there.</p>
          <ul class="notes">
            {lost.map(({ annotation: a }) => (
              <NoteItem key={a.id} annotation={a} onDelete={() => void remove(a)} onEdit={edit(a.id)} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
