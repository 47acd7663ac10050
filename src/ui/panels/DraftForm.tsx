/**
 * "Draft a pin": click the map, fill a short form, download or copy a valid report file. The
 * draft survives reloads (localStorage) until it is exported or discarded. Loaded on first use
 * by DraftPanel (with the report builder), so readers who never draft never download it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportFileText } from '../../data/new-report';
import { formatProblem } from '../../data/problems';
import { CATEGORIES, EVENT_TYPES } from '../../data/categories';
import { REPORT_STATUSES, type ReportStatus } from '../../data/types';
import { formatIsoUtc } from '../../lib/time';
import {
  clearDraft,
  type DraftFields,
  emptyDraft,
  loadDraft,
  saveDraft,
} from '../../state/draft-storage';
import { useApp, useAppState } from '../use-app-state';
import { loadMessages, type MessageId, t } from '../../i18n/i18n';
import { STATUS_IN_TEXT } from '../../i18n/labels';

/** The form's strings (the `draft` catalog part), fetched with its code; DraftPanel awaits it. */
export const messagesReady = loadMessages('draft');

// Hints are example values (what is typed stays in these forms), so they are not translated.
const TEXT_FIELDS: { key: keyof DraftFields; label: MessageId; long?: boolean; hint?: string }[] = [
  { key: 'title', label: 'draftForm.title' },
  { key: 'text', label: 'draftForm.text', long: true },
  { key: 'lang', label: 'draftForm.lang', hint: 'ar, ru, en …' },
  { key: 'text_en', label: 'draftForm.textEn', long: true },
  { key: 'source_url', label: 'draftForm.sourceUrl', hint: 'https://…' },
  { key: 'source_name', label: 'draftForm.sourceName', hint: 'Reuters, SOHR …' },
  { key: 'reported_at', label: 'draftForm.reportedAt', hint: '2015-10-23T23:34:00Z' },
  { key: 'occurred_at', label: 'draftForm.occurredAt' },
  { key: 'translator', label: 'draftForm.translator' },
];

/**
 * The validator, fetched when drafting first starts: most readers never draft, so it stays out
 * of the app's main bundle.
 */
const loadChecker = () =>
  Promise.all([
    import('../../data/validate/validate-text'),
    import('../../data/validate/validate'),
  ]).then(([text, rules]) => ({
    validateLayerText: text.validateLayerText,
    contextOf: rules.contextOf,
  }));
type Checker = Awaited<ReturnType<typeof loadChecker>>;

export function DraftForm({ startNow = false }: { startNow?: boolean }) {
  const { store, dataset, timeline } = useApp();
  const drafting = useAppState((s) => s.drafting);
  const point = useAppState((s) => s.draftPoint);
  const [draft, setDraft] = useState<DraftFields | null>(() => loadDraft(localStorage));
  const [note, setNote] = useState('');
  const [checker, setChecker] = useState<Checker | null>(null);
  useEffect(() => {
    if (drafting && !checker) loadChecker().then(setChecker);
  }, [drafting, checker]);

  // A saved draft reopens drafting mode with its pin on the map; "Draft a pin" starts one.
  useEffect(() => {
    if (!draft) {
      if (startNow) start();
      return;
    }
    store.getState().setDrafting(true);
    if (draft.lon !== null && draft.lat !== null)
      store.getState().setDraftPoint([draft.lon, draft.lat]);
  }, []);
  // Map clicks move the pin; the form follows.
  useEffect(() => {
    if (point && draft && (point[0] !== draft.lon || point[1] !== draft.lat))
      update({ lon: round(point[0]), lat: round(point[1]) });
  }, [point]);

  const update = (patch: Partial<DraftFields>) => {
    setDraft((d) => {
      if (!d) return d;
      const next = { ...d, ...patch };
      saveDraft(localStorage, next);
      return next;
    });
    setNote('');
  };
  const start = () => {
    const now = store.getState().t;
    const post = [...timeline.posts].reverse().find((p) => p.t <= now);
    const fresh = emptyDraft(formatIsoUtc(now), post?.id ?? '');
    saveDraft(localStorage, fresh);
    setDraft(fresh);
    store.getState().setDrafting(true);
  };
  const finish = (message: string) => {
    clearDraft(localStorage);
    setNote(message);
  };
  const discard = () => {
    clearDraft(localStorage);
    setDraft(null);
    setNote('');
    store.getState().setDrafting(false);
    store.getState().setDraftPoint(null);
  };

  const file = useMemo(() => {
    if (!checker || !draft || draft.lon === null || draft.lat === null) return null;
    const { validateLayerText, contextOf } = checker;
    const out = reportFileText({
      ...draft,
      lon: draft.lon,
      lat: draft.lat,
      status: draft.status as ReportStatus,
    });
    const problems = validateLayerText(
      'reports',
      out.text,
      out.path,
      contextOf(dataset.manifest, dataset.posts),
    ).problems;
    if (dataset.reports.some((r) => r.id === out.id))
      problems.push({
        severity: 'error',
        file: out.path,
        featureId: out.id,
        property: 'title',
        message: 'gives an id another report already has',
        fix: 'change the title',
      });
    return { ...out, problems };
  }, [draft, dataset, checker]);
  const ok = file !== null && !file.problems.some((p) => p.severity === 'error');

  if (!drafting || !draft)
    return (
      <section class="draft" aria-labelledby="draft-title">
        <h2 id="draft-title">{t('draft.title')}</h2>
        <button type="button" onClick={start}>
          {t('draft.start')}
        </button>
      </section>
    );
  return (
    <section class="draft" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('draft.title')}</h2>
      <p class="muted">
        {point
          ? t('draftForm.at', { lon: String(draft.lon), lat: String(draft.lat) })
          : t('draftForm.clickMap')}
      </p>
      <form class="draft-form" onSubmit={(e) => e.preventDefault()}>
        <div class="draft-row">
          <label>
            {t('draftForm.lon')}
            <input
              type="number"
              step="0.00001"
              value={draft.lon ?? ''}
              onInput={(e) =>
                store
                  .getState()
                  .setDraftPoint(pointFrom((e.currentTarget as HTMLInputElement).value, draft.lat))
              }
            />
          </label>
          <label>
            {t('draftForm.lat')}
            <input
              type="number"
              step="0.00001"
              value={draft.lat ?? ''}
              onInput={(e) =>
                store
                  .getState()
                  .setDraftPoint(pointFrom(draft.lon, (e.currentTarget as HTMLInputElement).value))
              }
            />
          </label>
        </div>
        {TEXT_FIELDS.map((f) => (
          <label key={f.key} htmlFor={`draft-field-${f.key}`}>
            {t(f.label)}
            {f.long ? (
              <textarea
                id={`draft-field-${f.key}`}
                rows={3}
                dir="auto"
                value={String(draft[f.key] ?? '')}
                onInput={(e) => update({ [f.key]: (e.currentTarget as HTMLTextAreaElement).value })}
              />
            ) : (
              <input
                id={`draft-field-${f.key}`}
                type="text"
                dir="auto"
                placeholder={f.hint}
                value={String(draft[f.key] ?? '')}
                onInput={(e) => update({ [f.key]: (e.currentTarget as HTMLInputElement).value })}
              />
            )}
          </label>
        ))}
        <label>
          {t('draftForm.status')}
          <select
            value={draft.status}
            onChange={(e) => update({ status: (e.currentTarget as HTMLSelectElement).value })}
          >
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_IN_TEXT[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('draftForm.category')}
          <select
            value={draft.category}
            onChange={(e) => update({ category: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('draftForm.chooseCategory')}</option>
            {EVENT_TYPES.map((type) => (
              <optgroup key={type} label={type}>
                {CATEGORIES.filter((c) => c.event_type === type).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          {t('draftForm.post')}
          <select
            value={draft.post}
            onChange={(e) => update({ post: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('draftForm.none')}</option>
            {timeline.posts.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('draftForm.place')}
          <select
            value={draft.place}
            onChange={(e) => update({ place: (e.currentTarget as HTMLSelectElement).value })}
          >
            <option value="">{t('draftForm.none')}</option>
            {dataset.places.map((p) => (
              <option key={p.id} value={p.id}>
                {p.properties.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {file && file.problems.length > 0 && (
        <ul class="problem-lines" aria-label={t('draftForm.problems')}>
          {file.problems.map((p, i) => (
            <li key={i} class={p.severity}>
              {formatProblem(p)}
            </li>
          ))}
        </ul>
      )}
      <div class="draft-actions">
        <button
          type="button"
          disabled={!ok}
          onClick={() => {
            if (!file) return;
            download(file.path, file.text);
            finish(t('draftForm.downloaded', { file: basename(file.path), path: file.path }));
          }}
        >
          {t('draftForm.download')}
        </button>
        <button
          type="button"
          disabled={!ok}
          onClick={() =>
            file &&
            navigator.clipboard.writeText(file.text).then(
              () => finish(t('draftForm.copied', { path: file.path })),
              () => setNote(t('draftForm.copyRefused')),
            )
          }
        >
          {t('draftForm.copy')}
        </button>
        <button type="button" onClick={discard}>
          {t('draftForm.discard')}
        </button>
      </div>
      {note && <p role="status">{note}</p>}
    </section>
  );
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
const basename = (p: string) => p.split('/').pop() ?? p;
function pointFrom(
  lon: number | string | null,
  lat: number | string | null,
): [number, number] | null {
  const x = Number(lon);
  const y = Number(lat);
  return lon === null ||
    lat === null ||
    lon === '' ||
    lat === '' ||
    !Number.isFinite(x) ||
    !Number.isFinite(y)
    ? null
    : [x, y];
}
function download(path: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = basename(path);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
