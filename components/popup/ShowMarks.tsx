import { useEffect, useState } from 'preact/hooks';
import { isShown, MARK_KINDS, setKindShown, visibility, type MarkKind, type Visibility } from '../../utils/settings';

/** The kinds as the reader knows them. */
export const MARK_LABELS: Record<MarkKind, string> = {
  quote: 'Quotations',
  per: 'People',
  org: 'Organisations',
  loc: 'Places',
  misc: 'Other names',
  user: 'Your highlights',
};

/**
 * Which marks Gloss paints, kind by kind: the reader's choice, the same in
 * every tab, applied to open pages at once and remembered. The keyboard
 * shortcut hides them all, and says so here.
 */
export function ShowMarks() {
  const [v, setV] = useState<Visibility | null>(null);
  useEffect(() => {
    void visibility.getValue().then(setV);
    return visibility.watch(setV);
  }, []);
  if (!v) return null;
  return (
    <fieldset class="show-marks">
      <legend>Show on the page</legend>
      {MARK_KINDS.map((kind) => (
        <label key={kind} data-kind={kind}>
          <input
            type="checkbox"
            data-kind={kind}
            checked={isShown(v, kind)}
            onChange={(e) => void setKindShown(kind, e.currentTarget.checked)}
          />
          <span class="sample">{MARK_LABELS[kind]}</span>
        </label>
      ))}
      {v.allHidden && <p class="hint">All hidden by the keyboard shortcut; press it again or tick a kind.</p>}
    </fieldset>
  );
}
