/**
 * Compare two moments: a button until an analyst asks; then the comparison (CompareView.tsx, a
 * chunk fetched on first use with its strings). The map draws the gained and lost areas
 * (controller.setComparison).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { previousPostTime } from '../../data/timeline';
import { loadMessages, t as tr } from '../../i18n/i18n';
import { useApp, useAppState } from '../use-app-state';

type View = FunctionComponent<{ a: number }>;
let view: Promise<View> | null = null;
const loadView = () =>
  (view ??= Promise.all([import('./CompareView'), loadMessages('compare')]).then(
    ([m]) => m.CompareView,
  ));

export function ComparePanel() {
  const { store, timeline } = useApp();
  const a = useAppState((s) => s.compareA);
  const t = useAppState((s) => s.t);
  const [View, setView] = useState<View | null>(null);
  useEffect(() => {
    if (a !== null && !View) loadView().then((v) => setView(() => v));
  }, [a, View]);
  if (a !== null && View) return <View a={a} />;
  return (
    <section class="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{tr('compare.title')}</h2>
      {a === null ? (
        <>
          <button
            type="button"
            onClick={() =>
              store
                .getState()
                .setCompareA(previousPostTime(t, timeline.posts) ?? timeline.domain[0])
            }
          >
            {tr('compare.start')}
          </button>
          <p class="muted">{tr('compare.intro')}</p>
        </>
      ) : (
        <p role="status">{tr('compare.running')}</p>
      )}
    </section>
  );
}
