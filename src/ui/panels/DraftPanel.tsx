/**
 * "Draft a pin": a button until someone drafts; the form (DraftForm.tsx, with the report builder)
 * is a chunk fetched when drafting starts, or at once when a saved draft is waiting.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { hasStoredDraft } from '../../state/draft-key';
import { t } from '../../i18n/i18n';

type Form = FunctionComponent<{ startNow?: boolean }>;
// The form's catalog part (`draft`) loads with it.
const loadForm = () => import('./DraftForm').then((m) => m.messagesReady.then(() => m.DraftForm));

export function DraftPanel() {
  const [form, setForm] = useState<{ Form: Form; startNow: boolean } | null>(null);
  useEffect(() => {
    // A draft saved before a reload reopens (the check that it is one loads with the form).
    if (!hasStoredDraft(localStorage)) return;
    void Promise.all([loadForm(), import('../../state/draft-storage')]).then(([Form, storage]) => {
      if (storage.loadDraft(localStorage)) setForm({ Form, startNow: false });
    });
  }, []);
  if (form) return <form.Form startNow={form.startNow} />;
  return (
    <section class="draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('draft.title')}</h2>
      <button
        type="button"
        onClick={() => loadForm().then((Form) => setForm({ Form, startNow: true }))}
      >
        {t('draft.start')}
      </button>
    </section>
  );
}
